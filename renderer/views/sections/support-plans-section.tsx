import { ItemTable } from '../tables/item-table';
import { SectionScreen } from './section-screen';

// One row per plan: name, review date and owner in place; what the plan says is under Details.
const columns = ['name', 'reviewDate', 'reviewOwner', 'lastUpdated'] as const;

export function SupportPlansSection() {
  return (
    <SectionScreen
      title="Additional support plans"
      intro="Named plans from the team (occupational therapy, dietitian, wound care, discharge...) with their review date and owner. Details opens what the plan says."
      sections={['supportPlans']}
    >
      <ItemTable section="supportPlans" columns={columns} />
    </SectionScreen>
  );
}
