import { createHmac, createSecretKey, hkdfSync, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * Keyed MACs for the tamper-evident chains. The MAC key is derived from the data key
 * (HKDF-SHA256, its own label), so only someone who can unlock the store can write a link
 * that verifies: an attacker with a copy of the file can delete or edit rows, but cannot
 * recompute the chain to hide it (unlike a plain SHA-256, which anyone can recompute).
 */
export type MacPart = string | number | Uint8Array | null;

export function deriveChainKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'carehouse-chain-v1', 32));
}

const TYPE_NULL = 0;
const TYPE_TEXT = 1;
const TYPE_NUMBER = 2;
const TYPE_BYTES = 3;

// Chains are checked for every row of every plan on open: one allocation and one update
// per MAC (not one per part) keeps that near the cost of the HMAC itself.
const keyObjects = new WeakMap<Buffer, KeyObject>();

function keyObjectOf(chainKey: Buffer): KeyObject {
  let keyObject = keyObjects.get(chainKey);
  if (!keyObject) {
    keyObject = createSecretKey(chainKey);
    keyObjects.set(chainKey, keyObject);
  }
  return keyObject;
}

/** HMAC-SHA256 over type-tagged, length-prefixed parts, so no two different part lists give the same input. */
export function chainMac(chainKey: Buffer, parts: readonly MacPart[]): Buffer {
  const encoded = parts.map((part) =>
    part === null ? EMPTY : typeof part === 'string' ? textBytes(part) : typeof part === 'number' ? Buffer.from(String(part), 'latin1') : part,
  );
  let total = 0;
  for (const bytes of encoded) total += 5 + bytes.length;
  const input = Buffer.allocUnsafe(total);
  let offset = 0;
  parts.forEach((part, index) => {
    const bytes = encoded[index] ?? EMPTY;
    // A type byte keeps null, "", 0 and "0" apart.
    input[offset] = part === null ? TYPE_NULL : typeof part === 'string' ? TYPE_TEXT : typeof part === 'number' ? TYPE_NUMBER : TYPE_BYTES;
    input.writeUInt32BE(bytes.length, offset + 1);
    input.set(bytes, offset + 5);
    offset += 5 + bytes.length;
  });
  return createHmac('sha256', keyObjectOf(chainKey)).update(input).digest();
}

const EMPTY = new Uint8Array(0);

// Labels and plan ids repeat in every link of a chain: encode each once.
const textCache = new Map<string, Buffer>();
function textBytes(text: string): Buffer {
  let bytes = textCache.get(text);
  if (!bytes) {
    bytes = Buffer.from(text, 'utf8');
    if (textCache.size > 4096) textCache.clear();
    textCache.set(text, bytes);
  }
  return bytes;
}

export function sameMac(a: Uint8Array | null | undefined, b: Uint8Array): boolean {
  return a !== null && a !== undefined && a.length === b.length && timingSafeEqual(a, b);
}
