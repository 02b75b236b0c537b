import { hmac } from '@noble/hashes/hmac.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * How a client proves to the meeting's signaling server that it holds the meeting code,
 * without sending the code: the server sends a random nonce, the client answers
 * HMAC-SHA256(key, nonce) where key = PBKDF2(code, 100,000 rounds). The host's app gives
 * the server only the derived key (never the code). PBKDF2 because the LAN can see the
 * nonce and the proof: each guess at the ~55-bit code then costs 100,000 hashes.
 */
export const SIGNALING_KEY_BYTES = 32;
const KEY_SALT = utf8ToBytes('carehouse/signaling-auth/v1');
const PROOF_DOMAIN = utf8ToBytes('carehouse/signaling-proof/v1');

/** `normalisedCode` is the code as normaliseMeetingCode returns it (so "k7qx mrt3…" = "K7QX-MRT3-…"). */
export function deriveSignalingKey(normalisedCode: string): Promise<Uint8Array> {
  return pbkdf2Async(sha256, utf8ToBytes(normalisedCode), KEY_SALT, { c: 100_000, dkLen: SIGNALING_KEY_BYTES });
}

export function signalingProof(key: Uint8Array, nonce: Uint8Array): Uint8Array {
  return hmac(sha256, key, concatBytes(PROOF_DOMAIN, nonce));
}
