/**
 * Seeded mutations of valid inputs, for fuzzing the boundary: wrong types, dropped and
 * added fields, huge and strange strings, prototype-pollution keys, deep nesting.
 */
export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = { nested: value };
  return value;
}

function strangeString(random: Random, hugeChars: number): string {
  return pick(random, [
    '',
    ' ',
    '\u0000',
    '\ud800', // a lone surrogate
    '😀'.repeat(200),
    '\u202e\u0645\u0631\u062d\u0628\u0627', // right-to-left override + Arabic
    'Z\u0351\u0352\u0353'.repeat(50), // stacked combining marks
    "'; DROP TABLE plans; --",
    '<script>alert(1)</script>',
    '../../../../etc/passwd',
    'x'.repeat(hugeChars),
    'AAAA'.repeat(Math.ceil(hugeChars / 4)),
    '00000000-0000-0000-0000-000000000000',
    'not-a-uuid',
  ]);
}

export function junkValue(random: Random, hugeChars: number): unknown {
  return pick(random, [
    () => null,
    () => true,
    () => 0,
    () => -1,
    () => 1.5,
    () => Number.MAX_SAFE_INTEGER + 2,
    () => 1e308,
    () => strangeString(random, hugeChars),
    () => [],
    () => [1, 'two', null],
    () => ({}),
    () => deep(200),
    () => JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    () => ({ constructor: { prototype: { polluted: true } } }),
  ])();
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty makes "__proto__" an ordinary own key, as JSON.parse would.
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

/** One to three random mutations of `valid`. Never mutates its argument. */
export function mutateInput(random: Random, valid: unknown, hugeChars: number): unknown {
  let value: unknown = structuredClone(valid);
  const operations = 1 + Math.floor(random() * 3);
  for (let step = 0; step < operations; step += 1) {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    const choice = random();
    if (!isObject || choice < 0.1) {
      value = choice < 0.05 ? [value] : junkValue(random, hugeChars);
      continue;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (choice < 0.4 && keys.length > 0) setOwn(record, pick(random, keys), junkValue(random, hugeChars));
    else if (choice < 0.55 && keys.length > 0) delete record[pick(random, keys)];
    else if (choice < 0.75) setOwn(record, pick(random, POLLUTION_KEYS), junkValue(random, hugeChars));
    else if (choice < 0.85) setOwn(record, strangeString(random, 64), junkValue(random, hugeChars));
    else if (keys.length > 0) setOwn(record, pick(random, keys), strangeString(random, hugeChars));
  }
  return value;
}

/** Byte-level mutations of a real Yjs update: flips, truncation, junk, splices, huge varints. */
export function mutateBytes(random: Random, original: Uint8Array, others: readonly Uint8Array[]): Uint8Array {
  const bytes = Buffer.from(original);
  const choice = random();
  if (choice < 0.35) {
    const flips = 1 + Math.floor(random() * 4);
    for (let index = 0; index < flips; index += 1) {
      const at = Math.floor(random() * bytes.length);
      bytes[at] = (bytes[at] ?? 0) ^ (1 << Math.floor(random() * 8));
    }
    return bytes;
  }
  if (choice < 0.5) return bytes.subarray(0, Math.max(1, Math.floor(random() * bytes.length)));
  if (choice < 0.6) return Buffer.concat([bytes, Buffer.from(Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)))]);
  if (choice < 0.7) {
    const other = pick(random, others);
    const cut = Math.floor(random() * bytes.length);
    return Buffer.concat([bytes.subarray(0, cut), Buffer.from(other).subarray(Math.floor(random() * other.length))]);
  }
  if (choice < 0.8) {
    // A varint that claims an enormous length or count.
    const at = Math.floor(random() * bytes.length);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]), bytes.subarray(at)]);
  }
  if (choice < 0.9) return Buffer.from(Array.from({ length: 4 + Math.floor(random() * 256) }, () => Math.floor(random() * 256)));
  const at = Math.floor(random() * bytes.length);
  bytes[at] = pick(random, [0x00, 0x7f, 0x80, 0xff]);
  return bytes;
}
