import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { formatUkDate, parseUkDate, type DateFieldSpec } from '../../../shared/plan';
import { usePlanStore } from '../plan/plan-store-context';
import { writePlanField } from '../plan/plan-writes';
import { useControlProps } from './control-props';
import { FieldFrame } from './field-frame';
import { useFieldInfo, type PlanFieldProps } from './plan-field-props';

const entryHint = 'Day, month, year: for example 14/12/2026';

/**
 * A calendar date typed day-month-year ("14/12/2026", "14 Dec 2026"), never the browser's
 * date picker (which follows the machine's locale, often US month-first on NHS builds).
 * Stored as soon as what is typed is a real date; shown as "14 Dec 2026" once the field
 * is left, so what is read back is unambiguous.
 */
export function DateField(props: PlanFieldProps<DateFieldSpec>) {
  const { doc } = usePlanStore();
  const info = useFieldInfo(props);
  const id = useId();
  const raw = props.owner[props.fieldKey];
  const stored = typeof raw === 'string' ? raw : '';
  const [text, setText] = useState(() => formatUkDate(stored));
  const [refusal, setRefusal] = useState<string | null>(null);
  const editing = useRef(false);
  // Someone else's change (or our own, stored) shows as soon as we are not mid-typing.
  useEffect(() => {
    if (!editing.current) setText(formatUkDate(stored));
  }, [stored]);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    editing.current = true;
    setText(next);
    if (next.trim() === '') {
      setRefusal(null);
      if (stored !== '') writePlanField(doc, props.ownerPath, props.fieldKey, null);
      return;
    }
    const parsed = parseUkDate(next);
    setRefusal(parsed.ok ? null : parsed.problem);
    if (parsed.ok && parsed.date !== stored) writePlanField(doc, props.ownerPath, props.fieldKey, parsed.date);
  };

  const problem = refusal ?? info.problem;
  const hint = [entryHint, info.hint].filter(Boolean).join('. ');
  const control = useControlProps(id, hint, problem, info.fieldPath);
  return (
    <FieldFrame id={id} label={info.label} hint={hint} problem={problem} fieldPath={info.fieldPath}>
      <input
        id={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        className="input--date"
        data-date-value={stored}
        value={text}
        onChange={onChange}
        {...control}
        onBlur={() => {
          editing.current = false;
          // A refused entry stays as typed (with its problem) so it can be corrected.
          if (refusal === null) setText(formatUkDate(stored));
          control.onBlur();
        }}
      />
    </FieldFrame>
  );
}
