import { CollectionList } from './collection-list';
import { SectionScreen } from './section-screen';

export function SupportPlansSection() {
  return (
    <SectionScreen
      title="Additional support plans"
      intro="Named plans from the team (occupational therapy, dietitian, wound care, discharge...) with their review date and owner."
      sections={['supportPlans']}
    >
      <CollectionList section="supportPlans" />
    </SectionScreen>
  );
}
