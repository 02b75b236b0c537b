import type { FieldSpec } from '../../../shared/plan';
import type { PlainRecord } from '../plan/plain-record';
import { useProblemsAt } from '../plan/plan-store-context';
import { fieldHint, fieldLabel } from './field-labels';
import type { HeadingLevel } from './heading';

/** What every schema-driven field gets: where it lives in the plan and its current record. */
export interface PlanFieldProps<S extends FieldSpec = FieldSpec> {
  /** The record or item holding the field: ['person'], ['goals', id], ['goals', id, 'steps', stepId]. */
  ownerPath: readonly string[];
  /** The same without ids, for labels and limits: 'person', 'goals[]', 'goals[].steps[]'. */
  ownerPattern: string;
  fieldKey: string;
  spec: S;
  owner: PlainRecord;
  /** The heading level of the owner's heading; nested lists go one deeper. */
  level: HeadingLevel;
}

export interface FieldInfo {
  path: string[];
  pattern: string;
  /** For meeting presence: "goals/<id>/words". */
  fieldPath: string;
  label: string;
  hint: string | undefined;
  problem: string | null;
}

/** Label, hint (plus any advice from validation), problem and paths for one field. */
export function useFieldInfo({ ownerPath, ownerPattern, fieldKey, spec }: PlanFieldProps): FieldInfo {
  const path = [...ownerPath, fieldKey];
  const pattern = `${ownerPattern}.${fieldKey}`;
  const found = useProblemsAt(path);
  const baseHint = fieldHint(pattern);
  const hint = [baseHint, found.advice].filter(Boolean).join('. ') || undefined;
  return { path, pattern, fieldPath: path.join('/'), label: fieldLabel(pattern, spec.label), hint, problem: found.problem };
}
