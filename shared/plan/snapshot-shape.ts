import type { CollectionFieldSpec, FieldSpec, FieldSpecs } from './field-spec';
import { isItemId } from './new-item-id';
import { isPersonRef } from './person-ref';
import type { CarePlanSnapshot } from './plan-snapshot';
import { collectionSections, recordSections } from './plan-schema';
import type { PlanProblem } from './plan-problem';

/**
 * Checks that an untrusted value (an imported file, a message) has the snapshot's shape
 * before anything is written, because a Yjs transaction cannot be rolled back halfway.
 * Shape only: whether the content makes a good plan is validatePlan's job.
 */
export function checkSnapshotShape(value: unknown): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!isRecord(value)) return [shapeProblem([], 'This is not a care plan')];
  const meta = value.meta;
  if (!isRecord(meta) || typeof meta.schemaVersion !== 'number' || typeof meta.createdAt !== 'string') {
    problems.push(shapeProblem(['meta'], 'The plan has no version or creation date'));
  }
  for (const [key, fields] of Object.entries(recordSections) as Array<[string, FieldSpecs]>) {
    checkFields(value[key], fields, [key], problems);
  }
  for (const [key, spec] of Object.entries(collectionSections) as Array<[string, CollectionFieldSpec]>) {
    checkItems(value[key], spec, [key], problems);
  }
  return problems;
}

export function isCarePlanSnapshot(value: unknown): value is CarePlanSnapshot {
  return checkSnapshotShape(value).length === 0;
}

function shapeProblem(path: string[], message: string): PlanProblem {
  return { path, message, blocking: true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkFields(value: unknown, fields: FieldSpecs, path: string[], problems: PlanProblem[]): void {
  if (!isRecord(value)) {
    problems.push(shapeProblem(path, 'This part of the plan is missing or not readable'));
    return;
  }
  for (const [key, spec] of Object.entries(fields)) checkValue(value[key], spec, [...path, key], problems);
}

function checkItems(value: unknown, spec: CollectionFieldSpec, path: string[], problems: PlanProblem[]): void {
  if (!Array.isArray(value)) {
    problems.push(shapeProblem(path, `${spec.label} should be a list`));
    return;
  }
  const seen = new Set<string>();
  for (const item of value) {
    if (!isRecord(item) || !isItemId(item.id) || seen.has(item.id)) {
      problems.push(shapeProblem(path, `A ${spec.itemLabel} has a missing or repeated id`));
      continue;
    }
    seen.add(item.id);
    const itemPath = [...path, item.id];
    const bookkeepingOk =
      typeof item.createdAt === 'string' &&
      typeof item.createdBy === 'string' &&
      (item.removedAt === null || typeof item.removedAt === 'string') &&
      (item.removedBy === null || typeof item.removedBy === 'string');
    if (!bookkeepingOk) problems.push(shapeProblem(itemPath, `A ${spec.itemLabel} has unreadable history details`));
    checkFields(item, spec.fields, itemPath, problems);
  }
}

function checkValue(value: unknown, spec: FieldSpec, path: string[], problems: PlanProblem[]): void {
  const ok = ((): boolean => {
    switch (spec.kind) {
      case 'text':
        return typeof value === 'string';
      case 'date':
      case 'itemRef':
        return value === null || typeof value === 'string';
      case 'choice':
        return value === null ? spec.fallback === null : typeof value === 'string' && spec.values.includes(value);
      case 'integer':
        return value === null || (typeof value === 'number' && Number.isFinite(value));
      case 'flag':
        return typeof value === 'boolean';
      case 'personRef':
        return value === null || isPersonRef(value);
      case 'idSet':
        return Array.isArray(value) && value.every((id) => typeof id === 'string');
      case 'collection':
        checkItems(value, spec, path, problems);
        return true;
    }
  })();
  if (!ok) problems.push(shapeProblem(path, `${spec.label} has a value of the wrong kind`));
}
