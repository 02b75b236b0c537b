import { CollectionList } from './collection-list';
import { SectionScreen } from './section-screen';

export function GoalsSection() {
  return (
    <SectionScreen title="Goals" intro="What the person wants to achieve, in their own words, and how we will know." sections={['goals']}>
      <CollectionList section="goals" />
    </SectionScreen>
  );
}
