import { describe, expect, it } from 'vitest';
import { sessionCertificateSchema } from '../../../shared/contract';
import {
  createSigningKeyPair,
  decodeKeyBytes,
  encodeKeyBytes,
  keyFingerprint,
  signBytes,
  signSessionCertificate,
  verifySessionCertificate,
  verifySignature,
} from '../../../shared/identity';

const message = new TextEncoder().encode('an update');

describe('signing keys (shared/identity)', () => {
  it('a signature verifies with its key only, over exactly the signed bytes', () => {
    const alice = createSigningKeyPair();
    const mallory = createSigningKeyPair();
    const signature = signBytes(alice.secretKey, message);
    expect(verifySignature(alice.publicKey, message, signature)).toBe(true);
    expect(verifySignature(mallory.publicKey, message, signature)).toBe(false);
    const altered = Uint8Array.from(message);
    altered[0] = (altered[0] ?? 0) ^ 1;
    expect(verifySignature(alice.publicKey, altered, signature)).toBe(false);
    expect(verifySignature(alice.publicKey, message, signature.subarray(0, 63))).toBe(false);
    expect(verifySignature(new Uint8Array(32), message, signature)).toBe(false);
  });

  it('fingerprints are 30 digits in six groups, stable per key and different between keys', () => {
    const key = createSigningKeyPair().publicKey;
    const fingerprint = keyFingerprint(key);
    expect(fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(keyFingerprint(Uint8Array.from(key))).toBe(fingerprint);
    expect(keyFingerprint(createSigningKeyPair().publicKey)).not.toBe(fingerprint);
  });

  it('key bytes decode only from base64 of the exact length', () => {
    const key = createSigningKeyPair().publicKey;
    expect(decodeKeyBytes(encodeKeyBytes(key), 32)).toEqual(key);
    expect(decodeKeyBytes(encodeKeyBytes(key), 64)).toBeNull();
    expect(decodeKeyBytes('not base64 at all, but 44 characters long!!', 32)).toBeNull();
  });
});

describe('session certificates', () => {
  const identity = createSigningKeyPair();
  const session = createSigningKeyPair();
  const issuedAt = 1_800_000_000_000;
  const certificate = signSessionCertificate((bytes) => signBytes(identity.secretKey, bytes), {
    identityKey: encodeKeyBytes(identity.publicKey),
    sessionKey: encodeKeyBytes(session.publicKey),
    name: 'Tom Reid',
    role: 'Practice nurse',
    issuedAt,
    expiresAt: issuedAt + 60_000,
  });

  it('verifies, and matches the contract schema', () => {
    const check = verifySessionCertificate(certificate, issuedAt + 1);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.session.sessionKey).toEqual(session.publicKey);
    expect(sessionCertificateSchema.parse(certificate)).toEqual(certificate);
  });

  it('any changed field (name, session key, dates) breaks it', () => {
    expect(verifySessionCertificate({ ...certificate, name: 'Dr Amina Shah' }, issuedAt).ok).toBe(false);
    expect(verifySessionCertificate({ ...certificate, sessionKey: encodeKeyBytes(createSigningKeyPair().publicKey) }, issuedAt).ok).toBe(false);
    expect(verifySessionCertificate({ ...certificate, expiresAt: certificate.expiresAt + 1 }, issuedAt).ok).toBe(false);
  });

  it('is refused once expired', () => {
    expect(verifySessionCertificate(certificate, certificate.expiresAt + 1)).toEqual({ ok: false, reason: 'expired' });
  });
});
