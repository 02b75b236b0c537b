import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { validateCalendarDate, type DateFieldSpec } from '../../../shared/plan';
import { usePlanEditing } from '../plan/plan-editing-context';
import { writePlanField } from '../plan/plan-writes';
import { useControlProps } from './control-props';
import { FieldFrame } from './field-frame';
import { useFieldInfo, type PlanFieldProps } from './plan-field-props';

/** A calendar date (the browser's date picker); a date that does not exist is refused with a message. */
export function DateField(props: PlanFieldProps<DateFieldSpec>) {
  const { doc } = usePlanEditing();
  const info = useFieldInfo(props);
  const id = useId();
  const stored = typeof props.owner[props.fieldKey] === 'string' ? (props.owner[props.fieldKey] as string) : '';
  const [value, setValue] = useState(stored);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => setValue(stored), [stored]);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setValue(next);
    if (next === '') {
      setRefusal(null);
      writePlanField(doc, props.ownerPath, props.fieldKey, null);
      return;
    }
    const wrong = validateCalendarDate(next);
    setRefusal(wrong);
    if (!wrong) writePlanField(doc, props.ownerPath, props.fieldKey, next);
  };

  const problem = refusal ?? info.problem;
  const control = useControlProps(id, info.hint, problem, info.fieldPath);
  return (
    <FieldFrame id={id} label={info.label} hint={info.hint} problem={problem} fieldPath={info.fieldPath}>
      <input
        id={id}
        type="date"
        value={value}
        onChange={onChange}
        {...control}
      />
    </FieldFrame>
  );
}
