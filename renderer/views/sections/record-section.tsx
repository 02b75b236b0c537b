import { recordSections, sectionTitle, type RecordSectionKey } from '../../../shared/plan';
import { FieldList } from '../fields/field-list';
import { usePlanEditing } from '../plan/plan-editing-context';
import { SectionScreen } from './section-screen';

interface RecordSectionProps {
  section: RecordSectionKey;
  intro?: string;
  /** Only these fields, in this order (default: the schema's order). */
  only?: readonly string[];
}

/** A one-record section (Person, About me, Consent, Agreement), every field from the schema. */
export function RecordSection({ section, intro, only }: RecordSectionProps) {
  const { snapshot } = usePlanEditing();
  return (
    <SectionScreen title={sectionTitle(section)} intro={intro} sections={[section]}>
      <FieldList ownerPath={[section]} ownerPattern={section} fields={recordSections[section]} owner={{ ...snapshot[section] }} level={2} only={only} />
    </SectionScreen>
  );
}
