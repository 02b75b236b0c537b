import { ItemTable } from '../tables/item-table';
import { SectionScreen } from './section-screen';

// One row per plan: its name, what should happen, and its review; triggers, contacts and medicines are under Details.
const columns = ['name', 'whatShouldHappen', 'reviewDate', 'reviewOwner'] as const;

export function ContingencySection() {
  return (
    <SectionScreen
      title="Contingency and safety plans"
      intro="What to do if things go wrong: the signs to look out for, what should happen and who to call. Details opens the whole plan."
      sections={['contingencyPlans']}
    >
      <ItemTable section="contingencyPlans" columns={columns} />
    </SectionScreen>
  );
}
