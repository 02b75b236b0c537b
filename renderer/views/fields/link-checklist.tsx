import { useId } from 'react';
import type { IdSetFieldSpec } from '../../../shared/plan';
import { usePlanReadingSections, usePlanStore } from '../plan/plan-store-context';
import { writePlanField } from '../plan/plan-writes';
import { FieldFrame } from './field-frame';
import { useFieldPresence } from './field-presence';
import { emptyLinkMessage, linkOptionsFor, linkSourceSections } from './link-options';
import { useFieldInfo, type PlanFieldProps } from './plan-field-props';

/** Links to other items ("Goals it serves"), as a list of labelled checkboxes. */
export function LinkChecklist(props: PlanFieldProps<IdSetFieldSpec>) {
  const { doc } = usePlanStore();
  const presence = useFieldPresence();
  const info = useFieldInfo(props);
  const snapshot = usePlanReadingSections(linkSourceSections(info.pattern));
  const id = useId();
  const stored = props.owner[props.fieldKey];
  const selected = Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === 'string') : [];
  const options = linkOptionsFor(info.pattern, snapshot, selected) ?? [];
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...new Set([...selected, value])] : selected.filter((entry) => entry !== value);
    writePlanField(doc, props.ownerPath, props.fieldKey, next);
  };
  return (
    <FieldFrame id={id} label={info.label} hint={info.hint} problem={info.problem} fieldPath={info.fieldPath} variant="group">
      {options.length === 0 ? <p className="field__hint">{emptyLinkMessage(info.pattern)}</p> : null}
      <ul className="checklist" onFocus={() => presence.reportFocus(info.fieldPath)} onBlur={() => presence.reportFocus(null)}>
        {options.map((option, index) => (
          <li key={option.value} className="checklist__item">
            <input id={`${id}-${index}`} type="checkbox" checked={selected.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
            <label htmlFor={`${id}-${index}`}>{option.label}</label>
          </li>
        ))}
      </ul>
    </FieldFrame>
  );
}
