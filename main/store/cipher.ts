import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption for everything personal that the store writes: AES-256-GCM
 * with a fresh 96-bit nonce per value. The associated data binds a ciphertext to the row
 * it belongs to (e.g. "update:<plan>:<seq>"), so a value copied into another row, or
 * edited on disk, fails to open instead of being read as someone else's record.
 *
 * Layout of a sealed value: version byte (1) | nonce (12) | tag (16) | ciphertext.
 */
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export class TamperedDataError extends Error {
  constructor(what: string) {
    super(`Stored data failed its integrity check (${what}). It may have been altered or damaged.`);
    this.name = 'TamperedDataError';
  }
}

export function seal(key: Buffer, plaintext: Uint8Array, associatedData: string): Buffer {
  if (key.length !== KEY_BYTES) throw new Error('Encryption key has the wrong length');
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, sealed: Uint8Array, associatedData: string): Buffer {
  const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (data.length < 1 + NONCE_BYTES + TAG_BYTES || data[0] !== VERSION) throw new TamperedDataError(associatedData);
  const nonce = data.subarray(1, 1 + NONCE_BYTES);
  const tag = data.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(data.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new TamperedDataError(associatedData);
  }
}

export function sealText(key: Buffer, text: string, associatedData: string): Buffer {
  return seal(key, Buffer.from(text, 'utf8'), associatedData);
}

export function openText(key: Buffer, sealed: Uint8Array, associatedData: string): string {
  return open(key, sealed, associatedData).toString('utf8');
}
