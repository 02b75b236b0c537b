import { currentKeyworker, planDate } from '../../../shared/plan';
import { usePlanEditing } from '../plan/plan-editing-context';
import { ItemTable } from '../tables/item-table';
import { SectionScreen } from './section-screen';

const teamColumns = ['name', 'role', 'organisation', 'phone', 'isKeyworker'] as const;
const familyColumns = ['name', 'relationship', 'phone', 'isCarer'] as const;

export function CareTeamSection() {
  const { snapshot } = usePlanEditing();
  const today = new Date().toISOString().slice(0, 10);
  const keyworker = currentKeyworker(snapshot.professionalContacts, planDate(snapshot) ?? today);
  return (
    <SectionScreen
      title="Care team"
      intro="The professionals working with the person, with one named keyworker, and the family, friends and carers around them."
      sections={['professionalContacts', 'personalContacts']}
    >
      <p className="section-screen__fact">
        <strong>Keyworker now:</strong> {keyworker ? `${keyworker.name}${keyworker.role ? ` (${keyworker.role})` : ''}` : 'nobody named yet'}
      </p>
      <ItemTable section="professionalContacts" columns={teamColumns} showTitle />
      <ItemTable section="personalContacts" columns={familyColumns} showTitle />
    </SectionScreen>
  );
}
