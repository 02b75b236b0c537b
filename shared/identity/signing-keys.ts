import { ed25519 } from '@noble/curves/ed25519.js';

/**
 * Ed25519 through @noble/curves: the same pure code signs and verifies in Node (main, CLI,
 * tests) and in Chromium (the meeting), so a signature made on one is checked bit for bit
 * the same on the other. No WebCrypto: Ed25519 there is not in every Electron/Chromium we
 * support, and an async API would put an await on every received update.
 */
export const PUBLIC_KEY_BYTES = 32;
export const SECRET_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export interface SigningKeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export function createSigningKeyPair(): SigningKeyPair {
  const { secretKey, publicKey } = ed25519.keygen();
  return { secretKey, publicKey };
}

export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  if (secretKey.length !== SECRET_KEY_BYTES) throw new Error('A signing key has 32 bytes');
  return ed25519.getPublicKey(secretKey);
}

export function signBytes(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  if (secretKey.length !== SECRET_KEY_BYTES) throw new Error('A signing key has 32 bytes');
  return ed25519.sign(message, secretKey);
}

/** True only for a well-formed signature by that key over exactly these bytes; never throws. */
export function verifySignature(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== PUBLIC_KEY_BYTES || signature.length !== SIGNATURE_BYTES) return false;
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}
