import { fromBase64, toBase64 } from 'lib0/buffer';

/** Keys and signatures travel (contract, meeting messages) as base64 of their raw bytes. */
export function encodeKeyBytes(bytes: Uint8Array): string {
  return toBase64(bytes);
}

/** The raw bytes, or null when the text is not base64 of exactly `length` bytes. */
export function decodeKeyBytes(text: string, length: number): Uint8Array | null {
  if (text.length !== Math.ceil(length / 3) * 4 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    const bytes = fromBase64(text);
    return bytes.length === length ? bytes : null;
  } catch {
    return null;
  }
}
