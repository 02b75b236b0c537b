import { currentKeyworker, planDate } from '../../../shared/plan';
import { usePlanEditing } from '../plan/plan-editing-context';
import { CollectionList } from './collection-list';
import { SectionScreen } from './section-screen';

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
      <CollectionList section="professionalContacts" showTitle />
      <CollectionList section="personalContacts" showTitle />
    </SectionScreen>
  );
}
