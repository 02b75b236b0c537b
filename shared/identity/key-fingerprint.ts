import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { PUBLIC_KEY_BYTES } from './signing-keys';

/**
 * A public key shown to people, the way Signal shows safety numbers: 30 digits in six
 * groups of five, read aloud across a table ("41207 88314 …") to check that the key on
 * someone's screen is the one their laptop holds. Digits, not hex: nothing to mishear
 * (b/d, 8/B), and the same in every language.
 *
 * Each group is 5 bytes of an iterated SHA-512 taken modulo 100,000, as Signal does;
 * iterating makes finding a second key with the same 30 digits cost ~2^10 more per try.
 */
const FINGERPRINT_DOMAIN = utf8ToBytes('carehouse/key-fingerprint/v1');
const ITERATIONS = 1024;
const GROUPS = 6;

export function keyFingerprint(publicKey: Uint8Array): string {
  if (publicKey.length !== PUBLIC_KEY_BYTES) throw new Error('A public key has 32 bytes');
  let hash = sha512(concatBytes(FINGERPRINT_DOMAIN, publicKey));
  for (let round = 1; round < ITERATIONS; round += 1) hash = sha512(concatBytes(hash, publicKey));
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group += 1) {
    let value = 0;
    // 5 bytes = 40 bits: exact in a double (53-bit mantissa).
    for (let index = 0; index < 5; index += 1) value = value * 256 + (hash[group * 5 + index] ?? 0);
    groups.push(String(value % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}

/** The first two groups: enough to tell people apart on a list, not to check a key. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.split(' ').slice(0, 2).join(' ');
}
