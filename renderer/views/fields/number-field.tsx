import { useEffect, useId, useState, type ChangeEvent } from 'react';
import type { IntegerFieldSpec } from '../../../shared/plan';
import { usePlanStore } from '../plan/plan-store-context';
import { writePlanField } from '../plan/plan-writes';
import { useControlProps } from './control-props';
import { FieldFrame } from './field-frame';
import { parseWholeNumber } from './parse-whole-number';
import { useFieldInfo, type PlanFieldProps } from './plan-field-props';

/** A whole number in a range (importance 1 to 10); anything else is explained and not stored. */
export function NumberField(props: PlanFieldProps<IntegerFieldSpec>) {
  const { doc } = usePlanStore();
  const info = useFieldInfo(props);
  const id = useId();
  const storedValue = props.owner[props.fieldKey];
  const stored = typeof storedValue === 'number' ? String(storedValue) : '';
  const [value, setValue] = useState(stored);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    setValue(stored);
    setRefusal(null);
  }, [stored]);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setValue(next);
    const parsed = parseWholeNumber(next, props.spec.min, props.spec.max);
    if ('problem' in parsed) {
      setRefusal(`${info.label}: ${parsed.problem}`);
      return;
    }
    setRefusal(null);
    writePlanField(doc, props.ownerPath, props.fieldKey, parsed.value);
  };

  const problem = refusal ?? info.problem;
  const control = useControlProps(id, info.hint, problem, info.fieldPath);
  return (
    <FieldFrame id={id} label={info.label} hint={info.hint} problem={problem} fieldPath={info.fieldPath}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        className="input--short"
        value={value}
        onChange={onChange}
        {...control}
      />
    </FieldFrame>
  );
}
