import { useId } from 'react';
import type { FlagFieldSpec } from '../../../shared/plan';
import { usePlanStore } from '../plan/plan-store-context';
import { writePlanField } from '../plan/plan-writes';
import { useControlProps } from './control-props';
import { FieldFrame } from './field-frame';
import { useFieldInfo, type PlanFieldProps } from './plan-field-props';

/** A yes/no fact ("Keyworker", "Carer"), as a checkbox with its label beside it. */
export function FlagField(props: PlanFieldProps<FlagFieldSpec>) {
  const { doc } = usePlanStore();
  const info = useFieldInfo(props);
  const id = useId();
  const control = useControlProps(id, info.hint, info.problem, info.fieldPath);
  return (
    <FieldFrame id={id} label={info.label} hint={info.hint} problem={info.problem} fieldPath={info.fieldPath} variant="checkbox">
      <input
        id={id}
        type="checkbox"
        checked={props.owner[props.fieldKey] === true}
        onChange={(event) => writePlanField(doc, props.ownerPath, props.fieldKey, event.target.checked)}
        {...control}
      />
    </FieldFrame>
  );
}
