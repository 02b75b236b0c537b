import { z } from 'zod';
import { defineCall } from './define-call';
import { emptyInputSchema } from './common-schemas';
import { limits } from './limits';

/** An Ed25519 public key or signature as base64 of its raw bytes (32 bytes: 44 chars, 64 bytes: 88). */
const keyBase64 = (bytes: number) => z.string().length(Math.ceil(bytes / 3) * 4).base64();

export const identityKeySchema = keyBase64(32);

/** Matches shared/identity/session-certificate.ts (checked by a unit test). */
export const sessionCertificateSchema = z
  .object({
    identityKey: identityKeySchema,
    sessionKey: identityKeySchema,
    name: z.string().max(limits.profileFieldChars),
    role: z.string().max(limits.profileFieldChars),
    issuedAt: z.number().int().nonnegative(),
    expiresAt: z.number().int().nonnegative(),
    signature: keyBase64(64),
  })
  .strict();

export const identityCalls = {
  getIdentity: defineCall({
    summary:
      "This profile's signing identity: its public key and the fingerprint people read aloud to check it. " +
      'The key pair is made with the profile; its secret half never leaves main.',
    input: emptyInputSchema,
    output: z.object({ publicKey: identityKeySchema, fingerprint: z.string() }),
  }),
  certifySessionKey: defineCall({
    summary:
      'Sign, with this profile’s identity key, a certificate for a session key the renderer made for one meeting ' +
      'session (the renderer signs its meeting messages with that key; the identity key stays in main).',
    input: z.object({ sessionKey: identityKeySchema }).strict(),
    output: sessionCertificateSchema,
  }),
} as const;
