import { canonicalJsonBytes } from '../../../shared/plan-diff/canonical-json';

/**
 * The content hash of the plan as this screen shows it: SHA-256 of its canonical JSON, the
 * same definition main uses (main/store/agreed-versions.ts). Main refuses to agree when its
 * saved plan has a different hash, so what is agreed is exactly what people were looking at.
 * Null where Web Crypto is unavailable (not a secure context): main then agrees what it has.
 */
export async function contentHashOf(snapshot: unknown): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  // A copy over a plain ArrayBuffer, which is what Web Crypto takes.
  const bytes = new Uint8Array(canonicalJsonBytes(snapshot));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The first 12 hex digits: enough to compare two copies by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
