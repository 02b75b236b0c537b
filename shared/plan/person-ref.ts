import { isItemId } from './new-item-id';
import type { PersonRef } from './plan-snapshot';

/** Checks a value read from the document (possibly from a peer) really is a PersonRef. */
export function isPersonRef(value: unknown): value is PersonRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (record.kind === 'person') return keys.length === 1;
  if (record.kind === 'careTeam' || record.kind === 'personalContact') {
    return keys.length === 2 && isItemId(record.contactId);
  }
  return false;
}

/** A copy safe to store: only the keys a PersonRef has (no stray properties from callers). */
export function clonePersonRef(ref: PersonRef): PersonRef {
  return ref.kind === 'person' ? { kind: 'person' } : { kind: ref.kind, contactId: ref.contactId };
}

export function samePersonRef(a: PersonRef | null, b: PersonRef | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'person' || b.kind === 'person') return a.kind === b.kind;
  return a.kind === b.kind && a.contactId === b.contactId;
}
