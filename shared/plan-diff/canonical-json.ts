import { utf8Bytes } from '../export/utf8-bytes';

/**
 * JSON with object keys sorted at every level, so the same plan content always gives the
 * same text (and the same hash) whichever side built it and in whatever order the keys
 * were written. Arrays keep their order: the order of goals or actions is content.
 * `undefined` members are dropped, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // Non-JSON values (undefined, functions, symbols) have no canonical form.
    if (text === undefined) throw new TypeError('canonicalJson: value has no JSON form');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((entry) => (entry === undefined ? 'null' : canonicalJson(entry))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
}

/** UTF-8 bytes of the canonical JSON: what the content hash of a plan snapshot is taken over. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8Bytes(canonicalJson(value));
}
