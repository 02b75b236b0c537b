import { utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeKeyBytes, encodeKeyBytes } from './key-encoding';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, verifySignature } from './signing-keys';

/**
 * A profile's identity key delegating to a short-lived session key held in the renderer's
 * memory for one meeting session (docs/meetings.md, "Identity"). The identity key's secret
 * never leaves main; the renderer signs each update it sends with the session key, and a
 * receiver checks the certificate once per connection, then one signature per update.
 *
 * The certificate also carries the name and role the key's owner presents: a peer shows a
 * verified person only under the name their own key signed.
 */
export interface SessionCertificate {
  readonly identityKey: string;
  readonly sessionKey: string;
  readonly name: string;
  readonly role: string;
  /** Milliseconds since the epoch. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly signature: string;
}

export type UnsignedSessionCertificate = Omit<SessionCertificate, 'signature'>;

/** Long enough for a day of meetings; a stolen session key is useless after it. */
export const SESSION_CERTIFICATE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Laptops' clocks differ; a certificate "from the future" by less than this is accepted. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

/** What is signed: a domain tag and the fields in a fixed order (JSON of an array: unambiguous). */
export function sessionCertificateBytes(certificate: UnsignedSessionCertificate): Uint8Array {
  return utf8ToBytes(
    JSON.stringify([
      'carehouse/session-certificate/v1',
      certificate.identityKey,
      certificate.sessionKey,
      certificate.name,
      certificate.role,
      certificate.issuedAt,
      certificate.expiresAt,
    ]),
  );
}

/** `sign` is the identity key's signer (main's store keeps the secret; see CareStore.signAsIdentity). */
export function signSessionCertificate(sign: (message: Uint8Array) => Uint8Array, certificate: UnsignedSessionCertificate): SessionCertificate {
  return { ...certificate, signature: encodeKeyBytes(sign(sessionCertificateBytes(certificate))) };
}

export interface VerifiedSession {
  readonly identityKey: Uint8Array;
  readonly sessionKey: Uint8Array;
  readonly name: string;
  readonly role: string;
}

export type SessionCheck = { ok: true; session: VerifiedSession } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'not-yet-valid' };

export function verifySessionCertificate(certificate: SessionCertificate, now: number): SessionCheck {
  const identityKey = decodeKeyBytes(certificate.identityKey, PUBLIC_KEY_BYTES);
  const sessionKey = decodeKeyBytes(certificate.sessionKey, PUBLIC_KEY_BYTES);
  const signature = decodeKeyBytes(certificate.signature, SIGNATURE_BYTES);
  if (!identityKey || !sessionKey || !signature) return { ok: false, reason: 'malformed' };
  if (!Number.isSafeInteger(certificate.issuedAt) || !Number.isSafeInteger(certificate.expiresAt)) return { ok: false, reason: 'malformed' };
  if (!verifySignature(identityKey, sessionCertificateBytes(certificate), signature)) return { ok: false, reason: 'bad-signature' };
  if (certificate.expiresAt - certificate.issuedAt > SESSION_CERTIFICATE_LIFETIME_MS) return { ok: false, reason: 'malformed' };
  if (now > certificate.expiresAt) return { ok: false, reason: 'expired' };
  if (certificate.issuedAt > now + CLOCK_SKEW_MS) return { ok: false, reason: 'not-yet-valid' };
  return { ok: true, session: { identityKey, sessionKey, name: certificate.name, role: certificate.role } };
}
