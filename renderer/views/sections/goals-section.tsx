import { ItemTable } from '../tables/item-table';
import { SectionScreen } from './section-screen';

const columns = ['words', 'status', 'targetDate', 'priority'] as const;

export function GoalsSection() {
  return (
    <SectionScreen title="Goals" intro="What the person wants to achieve, in their own words, and how we will know. Details opens the whole goal: why it matters, steps and progress." sections={['goals']}>
      <ItemTable section="goals" columns={columns} />
    </SectionScreen>
  );
}
