/**
 * A fresh random id for a plan item. Random (not a counter) because peers create items
 * while disconnected and their ids must never collide when they merge.
 * globalThis.crypto.randomUUID exists in Node 20+ and every browser we run in, so shared/
 * needs no Node import for it.
 */
export function newItemId(): string {
  // Typed here because shared/ compiles with neither DOM nor Node types.
  const { crypto } = globalThis as unknown as { crypto?: { randomUUID?: () => string } };
  if (typeof crypto?.randomUUID !== 'function') throw new Error('This runtime cannot make random ids (crypto.randomUUID is missing)');
  return crypto.randomUUID();
}

const itemIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Ids are short and plain so they are safe in paths, file names and FHIR references. */
export function isItemId(value: unknown): value is string {
  return typeof value === 'string' && itemIdPattern.test(value);
}
