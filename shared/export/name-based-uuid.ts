import { sha1 } from './sha1';
import { utf8Bytes } from './utf8-bytes';

/**
 * CareHouse's own namespace for name-based UUIDs (a fixed random UUID). Changing it would
 * change every exported FHIR id, so it never changes.
 */
export const CAREHOUSE_UUID_NAMESPACE = '7d0c6f1e-3b8a-4c55-9e21-5f4a0b6c9d13';

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Not a UUID: ${uuid}`);
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * RFC 9562 version 5 UUID: the same name in the same namespace always gives the same UUID,
 * so re-exporting a plan gives the same FHIR ids (receivers can update rather than
 * duplicate, and golden files stay stable).
 */
export function nameBasedUuid(name: string, namespace: string = CAREHOUSE_UUID_NAMESPACE): string {
  const ns = uuidBytes(namespace);
  const nameBytes = utf8Bytes(name);
  const input = new Uint8Array(ns.length + nameBytes.length);
  input.set(ns);
  input.set(nameBytes, ns.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  return formatUuid(hash);
}
