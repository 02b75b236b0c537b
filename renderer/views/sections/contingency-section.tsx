import { CollectionList } from './collection-list';
import { SectionScreen } from './section-screen';

export function ContingencySection() {
  return (
    <SectionScreen
      title="Contingency and safety plans"
      intro="What to do if things go wrong: the signs to look out for, what should happen and who to call."
      sections={['contingencyPlans']}
    >
      <CollectionList section="contingencyPlans" />
    </SectionScreen>
  );
}
