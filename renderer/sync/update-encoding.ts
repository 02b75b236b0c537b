import { fromBase64, toBase64 } from 'lib0/buffer';

/** Yjs updates travel the contract as base64 (see shared/contract/common-schemas.ts). */
export function encodeUpdate(update: Uint8Array): string {
  return toBase64(update);
}

export function decodeUpdate(base64: string): Uint8Array {
  return fromBase64(base64);
}
