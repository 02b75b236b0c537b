import { useId } from 'react';
import type { ChoiceFieldSpec } from '../../../shared/plan';
import { usePlanStore } from '../plan/plan-store-context';
import { writePlanField } from '../plan/plan-writes';
import { choiceLabel } from './choice-labels';
import { useControlProps } from './control-props';
import { FieldFrame } from './field-frame';
import { useFieldInfo, type PlanFieldProps } from './plan-field-props';

/** One of a fixed list (status, life domain...), shown in plain words. */
export function ChoiceField(props: PlanFieldProps<ChoiceFieldSpec>) {
  const { doc } = usePlanStore();
  const info = useFieldInfo(props);
  const id = useId();
  const stored = props.owner[props.fieldKey];
  const value = typeof stored === 'string' ? stored : '';
  const control = useControlProps(id, info.hint, info.problem, info.fieldPath);
  return (
    <FieldFrame id={id} label={info.label} hint={info.hint} problem={info.problem} fieldPath={info.fieldPath}>
      <select
        id={id}
        value={value}
        onChange={(event) => writePlanField(doc, props.ownerPath, props.fieldKey, event.target.value === '' ? null : event.target.value)}
        {...control}
      >
        {props.spec.fallback === null ? <option value="">Not chosen</option> : null}
        {props.spec.values.map((choice) => (
          <option key={choice} value={choice}>
            {choiceLabel(choice, props.spec.values)}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
