import type { CarePlanSnapshot } from '../../../shared/plan';

export type PlainRecord = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is PlainRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The plain record (a record section or an item) that a plan path names, read from the
 * snapshot: ['person'] is the person record, ['goals', id] a goal, ['goals', id, 'steps',
 * stepId] one of its steps, ['consent', 'doNotShare', id] a do-not-share entry.
 * Undefined when any step is missing (e.g. an item a peer removed a moment ago).
 */
export function ownerAtPath(snapshot: CarePlanSnapshot, path: readonly string[]): PlainRecord | undefined {
  let current: unknown = snapshot;
  let index = 0;
  while (index < path.length) {
    const key = path[index] ?? '';
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    const next = current[key];
    if (Array.isArray(next)) {
      const id = path[index + 1];
      if (id === undefined) return undefined;
      current = next.find((item: unknown) => isRecord(item) && item.id === id);
      index += 2;
    } else {
      current = next;
      index += 1;
    }
  }
  return isRecord(current) ? current : undefined;
}
