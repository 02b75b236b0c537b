import { useId } from 'react';
import { isPersonRef, type PersonRefFieldSpec } from '../../../shared/plan';
import { usePlanReadingSections, usePlanStore } from '../plan/plan-store-context';
import { writePlanField } from '../plan/plan-writes';
import { useControlProps } from './control-props';
import { FieldFrame } from './field-frame';
import { decodePersonRef, encodePersonRef } from './person-ref-options';
import { PersonRefOptionGroups } from './person-ref-option-groups';
import { useFieldInfo, type PlanFieldProps } from './plan-field-props';

const peopleSections = ['person', 'professionalContacts', 'personalContacts'] as const;

/** "Who": the person, someone in the care team, or a carer / family member. */
export function PersonPicker(props: PlanFieldProps<PersonRefFieldSpec>) {
  const { doc } = usePlanStore();
  const snapshot = usePlanReadingSections(peopleSections);
  const info = useFieldInfo(props);
  const id = useId();
  const stored = props.owner[props.fieldKey];
  const current = isPersonRef(stored) ? stored : null;
  const control = useControlProps(id, info.hint, info.problem, info.fieldPath);
  return (
    <FieldFrame id={id} label={info.label} hint={info.hint} problem={info.problem} fieldPath={info.fieldPath}>
      <select
        id={id}
        value={encodePersonRef(current)}
        onChange={(event) => writePlanField(doc, props.ownerPath, props.fieldKey, decodePersonRef(event.target.value))}
        {...control}
      >
        <option value="">Not chosen</option>
        <PersonRefOptionGroups snapshot={snapshot} current={current} />
      </select>
    </FieldFrame>
  );
}
