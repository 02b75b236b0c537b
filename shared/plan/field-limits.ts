import type { FieldSpecs } from './field-spec';
import { fieldSpecAtPath } from './plan-path-resolution';
import type { PlanProblem } from './plan-problem';
import { collectionSections, recordSections } from './plan-schema';
import { formatCount } from './format-count';

/**
 * The most characters each text field may hold, by field pattern: 'person.firstName',
 * 'goals[].words', 'goals[].steps[].text'. Every text field of the plan has one, taken from
 * the schema table, so a pasted 300,000-character document is refused before it lands in
 * the shared document (where it would be synced to everyone and kept forever in history).
 */
export const fieldLimits: Readonly<Record<string, number>> = buildFieldLimits();

function buildFieldLimits(): Record<string, number> {
  const limits: Record<string, number> = {};
  const walk = (fields: FieldSpecs, prefix: string): void => {
    for (const [key, spec] of Object.entries(fields)) {
      if (spec.kind === 'text') limits[`${prefix}${key}`] = spec.maxLength;
      if (spec.kind === 'collection') walk(spec.fields, `${prefix}${key}[].`);
    }
  };
  for (const [key, fields] of Object.entries(recordSections)) walk(fields, `${key}.`);
  for (const [key, spec] of Object.entries(collectionSections)) walk(spec.fields, `${key}[].`);
  return limits;
}

/** The character limit of the text field at `path`, or undefined if it is not a text field. */
export function maxTextLength(path: readonly string[]): number | undefined {
  const spec = fieldSpecAtPath(path);
  return spec?.kind === 'text' ? spec.maxLength : undefined;
}

/**
 * Call BEFORE inserting typed or pasted text: null if it fits, otherwise a blocking
 * problem to show instead of inserting. `currentLength` is the field's length now and
 * `insertedLength` what would be added (minus any selection it replaces).
 */
export function checkTextInsert(path: readonly string[], currentLength: number, insertedLength: number): PlanProblem | null {
  const spec = fieldSpecAtPath(path);
  if (spec?.kind !== 'text') {
    return { path: [...path], message: 'This is not a text field in the plan', blocking: true };
  }
  const total = currentLength + insertedLength;
  if (total <= spec.maxLength) return null;
  return {
    path: [...path],
    message:
      `That is too long for "${spec.label}": it can hold up to ${formatCount(spec.maxLength)} characters, ` +
      `and this would make it ${formatCount(total)}. Nothing was added. Shorten it, or keep the long ` +
      'document elsewhere and note here where it is kept.',
    blocking: true,
  };
}
