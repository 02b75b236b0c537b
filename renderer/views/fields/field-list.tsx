import type { FieldSpecs } from '../../../shared/plan';
import type { PlainRecord } from '../plan/plain-record';
import { isFieldShown } from './field-visibility';
import type { HeadingLevel } from './heading';
import { PlanField } from './plan-field';

export interface FieldListProps {
  ownerPath: readonly string[];
  ownerPattern: string;
  fields: FieldSpecs;
  owner: PlainRecord;
  level: HeadingLevel;
  /** Only these fields, in this order (default: every field, in schema order). */
  only?: readonly string[];
}

/** The fields of one record or item, straight from the plan schema. */
export function FieldList({ ownerPath, ownerPattern, fields, owner, level, only }: FieldListProps) {
  const keys = only ?? Object.keys(fields);
  return (
    <>
      {keys.map((key) => {
        const spec = fields[key];
        if (!spec || !isFieldShown(`${ownerPattern}.${key}`, owner)) return null;
        return <PlanField key={key} ownerPath={ownerPath} ownerPattern={ownerPattern} fieldKey={key} spec={spec} owner={owner} level={level} />;
      })}
    </>
  );
}
