import { useId } from 'react';
import type { ItemRefFieldSpec } from '../../../shared/plan';
import { usePlanReadingSections, usePlanStore } from '../plan/plan-store-context';
import { writePlanField } from '../plan/plan-writes';
import { useControlProps } from './control-props';
import { FieldFrame } from './field-frame';
import { linkOptionsFor, linkSourceSections } from './link-options';
import { useFieldInfo, type PlanFieldProps } from './plan-field-props';

/** A link to one other item ("Meeting that agreed it"), as a list to choose from. */
export function ItemRefField(props: PlanFieldProps<ItemRefFieldSpec>) {
  const { doc } = usePlanStore();
  const info = useFieldInfo(props);
  const snapshot = usePlanReadingSections(linkSourceSections(info.pattern));
  const id = useId();
  const stored = props.owner[props.fieldKey];
  const value = typeof stored === 'string' ? stored : '';
  const options = linkOptionsFor(info.pattern, snapshot, value ? [value] : []) ?? [];
  const known = value === '' || options.some((option) => option.value === value);
  const control = useControlProps(id, info.hint, info.problem, info.fieldPath);
  return (
    <FieldFrame id={id} label={info.label} hint={info.hint} problem={info.problem} fieldPath={info.fieldPath}>
      <select
        id={id}
        value={value}
        onChange={(event) => writePlanField(doc, props.ownerPath, props.fieldKey, event.target.value === '' ? null : event.target.value)}
        {...control}
      >
        <option value="">Not chosen</option>
        {known ? null : <option value={value}>Something no longer in the plan</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
