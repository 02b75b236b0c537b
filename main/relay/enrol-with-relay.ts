import { encodeKeyBytes } from '../../shared/identity';
import type { CareStore } from '../store/care-store';
import { enrolMessage, enrolResponseSchema } from './relay-auth-message';
import { httpBaseOf, RelayRefusedError, RelayUnreachableError } from './relay-client';
import { saveRelayLink } from './relay-link-record';

/**
 * Enrols this machine's profile with a practice relay: sends the one-time code and the
 * profile's public key, signed by that key (proof that we hold it). Nothing secret comes
 * back or is stored: from now on the machine proves its key on every connection. Used by
 * `carehouse connect` and the "Practice server" settings screen alike.
 */
export async function enrolWithRelay(store: CareStore, urls: readonly string[], code: string): Promise<{ memberId: string; name: string; role: string }> {
  const first = urls[0];
  if (!first || !urls.every((url) => /^wss?:\/\/[^\s/]+/.test(url))) throw new Error('A relay address looks like ws://HOST:PORT or wss://HOST:PORT.');
  const publicKey = store.identityPublicKey();
  let response: Response;
  try {
    response = await fetch(`${httpBaseOf(first)}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.trim(), key: encodeKeyBytes(publicKey), signature: encodeKeyBytes(store.signAsIdentity(enrolMessage(code))) }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new RelayUnreachableError(first);
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : 'The practice server refused the invitation.';
    throw Object.assign(new RelayRefusedError('enrolment-refused'), { message });
  }
  const parsed = enrolResponseSchema.safeParse(body);
  if (!parsed.success) throw new RelayRefusedError('bad-enrolment-answer');
  saveRelayLink(store.database, urls, parsed.data.memberId, new Date().toISOString());
  return parsed.data;
}
