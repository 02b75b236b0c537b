import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeKeyBytes, verifySignature } from '../../shared/identity';
import { authAnswerSchema, authMessage, MAX_AUTH_TOKEN_CHARS } from './relay-auth-message';
import type { RelayDatabase } from './relay-database';
import { findActiveMember, type RelayMember } from './relay-membership';

/**
 * Challenge-response without passwords or bearer tokens. A challenge is
 * time (8 bytes) | random (16) | HMAC (16) under a key derived from the relay's data key,
 * so any relay process sharing the data folder can check one another's challenges without
 * shared memory. It lives one minute and is spent on first use: spent nonces are written
 * to the shared database (so a second relay process refuses a replay too). Over one
 * WebSocket a client opens many plans; each sends the same answer, so a challenge is bound
 * to the first socket that spends it and accepted again only on that socket.
 */
export const CHALLENGE_LIFETIME_MS = 60_000;
const MAX_SOCKETS_REMEMBERED = 10_000;

export type AuthRefusal = 'malformed-answer' | 'stale-challenge' | 'forged-challenge' | 'bad-signature' | 'unknown-member' | 'replayed-challenge';

export class AuthRefusedError extends Error {
  constructor(readonly code: AuthRefusal) {
    super(`Refused: ${code}`);
    this.name = 'AuthRefusedError';
  }
}

export class ChallengeBook {
  readonly #macKey: Buffer;
  readonly #boundTo = new Map<string, { socketId: string; expiresAt: number }>();
  /** The answer each open socket proved, so its other plans skip the signature check. */
  readonly #provenOn = new Map<string, { token: string; member: RelayMember }>();

  constructor(
    private readonly relay: RelayDatabase,
    private readonly clock: () => number = Date.now,
  ) {
    this.#macKey = createHmac('sha256', relay.key).update('carehouse-relay-challenge-mac').digest();
  }

  issue(): string {
    const body = Buffer.alloc(24);
    body.writeBigUInt64BE(BigInt(this.clock()), 0);
    randomBytes(16).copy(body, 8);
    return Buffer.concat([body, this.#mac(body)]).toString('base64url');
  }

  /**
   * Checks an answer; returns the member or throws AuthRefusedError. `socketId` is the
   * WebSocket the answer came on, or undefined for a one-shot HTTP request.
   */
  verify(token: string, socketId?: string): RelayMember {
    if (token.length > MAX_AUTH_TOKEN_CHARS) throw new AuthRefusedError('malformed-answer');
    if (socketId !== undefined) {
      const proven = this.#provenOn.get(socketId);
      if (proven && proven.token === token) return proven.member;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(token);
    } catch {
      throw new AuthRefusedError('malformed-answer');
    }
    const answer = authAnswerSchema.safeParse(parsed);
    if (!answer.success) throw new AuthRefusedError('malformed-answer');
    const { key, challenge, signature } = answer.data;
    const nonce = this.#checkChallenge(challenge);
    const publicKey = decodeKeyBytes(key, 32);
    const signatureBytes = decodeKeyBytes(signature, 64);
    if (!publicKey || !signatureBytes || !verifySignature(publicKey, authMessage(challenge), signatureBytes)) {
      throw new AuthRefusedError('bad-signature');
    }
    const member = findActiveMember(this.relay, publicKey);
    if (!member) throw new AuthRefusedError('unknown-member');
    this.#spend(nonce, socketId);
    if (socketId !== undefined) this.#provenOn.set(socketId, { token, member });
    return member;
  }

  /** The socket closed: its proof goes with it. */
  forgetSocket(socketId: string): void {
    this.#provenOn.delete(socketId);
  }

  #mac(body: Buffer): Buffer {
    return createHmac('sha256', this.#macKey).update(body).digest().subarray(0, 16);
  }

  #checkChallenge(challenge: string): Buffer {
    const bytes = Buffer.from(challenge, 'base64url');
    if (bytes.length !== 40) throw new AuthRefusedError('forged-challenge');
    const body = bytes.subarray(0, 24);
    if (!timingSafeEqual(this.#mac(body), bytes.subarray(24))) throw new AuthRefusedError('forged-challenge');
    const issuedAt = Number(body.readBigUInt64BE(0));
    const age = this.clock() - issuedAt;
    if (age < -5_000 || age > CHALLENGE_LIFETIME_MS) throw new AuthRefusedError('stale-challenge');
    return body;
  }

  #spend(nonce: Buffer, socketId: string | undefined): void {
    const id = nonce.toString('base64url');
    const now = this.clock();
    const bound = this.#boundTo.get(id);
    if (bound) {
      if (socketId !== undefined && bound.socketId === socketId) return;
      throw new AuthRefusedError('replayed-challenge');
    }
    const inserted = this.relay.bookkeeping
      .prepare('INSERT OR IGNORE INTO relay_spent_challenges (nonce, expires_at) VALUES (?, ?)')
      .run(nonce, now + CHALLENGE_LIFETIME_MS + 10_000);
    if (inserted.changes === 0) throw new AuthRefusedError('replayed-challenge');
    if (socketId !== undefined) this.#boundTo.set(id, { socketId, expiresAt: now + CHALLENGE_LIFETIME_MS + 10_000 });
    if (this.#boundTo.size > MAX_SOCKETS_REMEMBERED) this.sweep();
  }

  /** Forgets spent challenges that could no longer be answered anyway. */
  sweep(): void {
    const now = this.clock();
    for (const [id, bound] of this.#boundTo) if (bound.expiresAt < now) this.#boundTo.delete(id);
    this.relay.bookkeeping.prepare('DELETE FROM relay_spent_challenges WHERE expires_at < ?').run(now);
  }
}
