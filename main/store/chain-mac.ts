import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

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

/** HMAC-SHA256 over length-prefixed parts, so no two different part lists give the same input. */
export function chainMac(chainKey: Buffer, parts: readonly MacPart[]): Buffer {
  const hmac = createHmac('sha256', chainKey);
  const length = Buffer.alloc(5);
  for (const part of parts) {
    const bytes =
      part === null ? Buffer.alloc(0) : typeof part === 'string' ? Buffer.from(part, 'utf8') : typeof part === 'number' ? Buffer.from(String(part)) : part;
    // A type byte keeps null, "", 0 and "0" apart.
    length[0] = part === null ? 0 : typeof part === 'string' ? 1 : typeof part === 'number' ? 2 : 3;
    length.writeUInt32BE(bytes.length, 1);
    hmac.update(length);
    hmac.update(bytes);
  }
  return hmac.digest();
}

export function sameMac(a: Uint8Array | null | undefined, b: Uint8Array): boolean {
  return a !== null && a !== undefined && a.length === b.length && timingSafeEqual(a, b);
}
