import { z } from 'zod';

/**
 * What a member signs, and how the answer travels. Shared by the relay (verifies) and the
 * desktop side (signs). The relay never stores anything a client could replay: a
 * challenge is fresh, short-lived and spent on first use (relay-challenge.ts).
 */
export const AUTH_DOMAIN = 'carehouse-relay-auth-v1';
export const ENROL_DOMAIN = 'carehouse-relay-enrol-v1';
/** An answer is a few hundred bytes; anything bigger is refused before parsing. */
export const MAX_AUTH_TOKEN_CHARS = 1024;

export function authMessage(challenge: string): Uint8Array {
  return new TextEncoder().encode(`${AUTH_DOMAIN}\n${challenge}`);
}

export function enrolMessage(code: string): Uint8Array {
  return new TextEncoder().encode(`${ENROL_DOMAIN}\n${code.trim()}`);
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(200);

export const authAnswerSchema = z.strictObject({
  v: z.literal(1),
  key: base64,
  challenge: z.string().regex(/^[A-Za-z0-9_-]{16,120}$/),
  signature: base64,
});
export type AuthAnswer = z.infer<typeof authAnswerSchema>;

export const enrolRequestSchema = z.strictObject({
  code: z.string().min(1).max(64),
  key: base64,
  signature: base64,
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

/** What the relay says about itself and the member after enrolment. */
export const enrolResponseSchema = z.strictObject({
  memberId: z.string().uuid(),
  name: z.string(),
  role: z.string(),
});

export const challengeResponseSchema = z.strictObject({ challenge: z.string() });

export const planListSchema = z.strictObject({ plans: z.array(z.string().uuid()).max(1_000_000) });

/** Asked over a plan's socket (Hocuspocus stateless message): which members wrote the changes with these Yjs client ids. */
export const authorsRequestSchema = z.strictObject({
  type: z.literal('authors'),
  requestId: z.string().max(40),
  clients: z.array(z.number().int().nonnegative().max(2 ** 32)).max(256),
});

export const authorsAnswerSchema = z.strictObject({
  type: z.literal('authors'),
  requestId: z.string().max(40),
  authors: z.array(z.strictObject({ clientId: z.number().int(), name: z.string().max(200), role: z.string().max(200), fingerprint: z.string().max(64) })).max(256),
});
export type RelayAuthor = z.infer<typeof authorsAnswerSchema>['authors'][number];
