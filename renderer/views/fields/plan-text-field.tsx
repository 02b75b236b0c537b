import type { TextFieldSpec, TextPath } from '../../../shared/plan';
import { getPlanText } from '../../../shared/plan';
import { usePlanStore } from '../plan/plan-store-context';
import { useFieldInfo, type PlanFieldProps } from './plan-field-props';
import { TextField } from './text-field';

/** Short fields are one line; anything that can hold a paragraph is a text area. */
function isMultiline(fieldKey: string, spec: TextFieldSpec): boolean {
  return spec.maxLength > 1_000 || fieldKey === 'address';
}

/** A free-text field of the plan, bound to its Y.Text so people typing together merge by character. */
export function PlanTextField(props: PlanFieldProps<TextFieldSpec>) {
  const { doc } = usePlanStore();
  const info = useFieldInfo(props);
  // The path comes from the schema table, so it names a text field; getPlanText checks anyway.
  const text = getPlanText(doc, info.path as unknown as TextPath);
  if (!text) return <p className="field__hint">{info.label}: not available yet (waiting for the rest of the plan).</p>;
  return (
    <TextField
      key={info.fieldPath}
      label={info.label}
      text={text}
      multiline={isMultiline(props.fieldKey, props.spec)}
      hint={info.hint}
      maxLength={props.spec.maxLength}
      validate={() => info.problem}
      fieldPath={info.fieldPath}
    />
  );
}
