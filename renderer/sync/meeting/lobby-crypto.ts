import { fromBase64, toBase64 } from 'lib0/buffer';
import { normaliseMeetingCode } from './meeting-code';

/**
 * The lobby's messages go through the signaling server, so they are sealed with a key
 * only holders of the meeting code can derive (PBKDF2 100,000 rounds, AES-GCM), as
 * y-webrtc does for its own signaling. The server relays ciphertext it cannot read.
 */
export async function deriveLobbyKey(code: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(normaliseMeetingCode(code)), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: new TextEncoder().encode('carehouse/meeting-lobby/v1'), iterations: 100_000, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealJson(key: CryptoKey, value: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value))));
  const out = new Uint8Array(iv.byteLength + sealed.byteLength);
  out.set(iv, 0);
  out.set(sealed, iv.byteLength);
  return toBase64(out);
}

/** The opened value, or null for anything not sealed with this key (wrong code, junk). */
export async function openJson(key: CryptoKey, sealed: unknown): Promise<unknown> {
  if (typeof sealed !== 'string' || sealed.length > 8192) return null;
  try {
    const bytes = fromBase64(sealed);
    if (bytes.byteLength < 13) return null;
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, key, bytes.subarray(12));
    return JSON.parse(new TextDecoder().decode(plain)) as unknown;
  } catch {
    return null;
  }
}
