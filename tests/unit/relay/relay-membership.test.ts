import { describe, expect, it } from 'vitest';
import { authMessage } from '../../../main/relay/relay-auth-message';
import { AuthRefusedError, ChallengeBook, CHALLENGE_LIFETIME_MS } from '../../../main/relay/relay-challenge';
import { closeRelayDatabase, openRelayDatabase, type RelayDatabase } from '../../../main/relay/relay-database';
import { createInvitation, enrolMember, MembershipError, revokeMember } from '../../../main/relay/relay-membership';
import { createSigningKeyPair, encodeKeyBytes, signBytes } from '../../../shared/identity';
import { tempDataDir } from '../../support/temp-store';

/** Invitations, enrolment and challenges on a real relay database (no network). */
function relayAt(now: { value: number }): RelayDatabase {
  return openRelayDatabase(tempDataDir('relay-unit'), { kind: 'passphrase', passphrase: 'relay unit passphrase' }, () => new Date(now.value).toISOString());
}

function answer(book: ChallengeBook, secretKey: Uint8Array, publicKey: Uint8Array, challenge = book.issue()): string {
  return JSON.stringify({ v: 1, key: encodeKeyBytes(publicKey), challenge, signature: encodeKeyBytes(signBytes(secretKey, authMessage(challenge))) });
}

function refusalOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AuthRefusedError || error instanceof MembershipError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('relay membership', () => {
  it('an invitation enrols once, and not after it expires', () => {
    const now = { value: Date.parse('2026-11-30T09:00:00Z') };
    const relay = relayAt(now);
    const first = createInvitation(relay, { name: 'Grace Okafor', role: 'Community matron' });
    expect(enrolMember(relay, first.code, createSigningKeyPair().publicKey).name).toBe('Grace Okafor');
    expect(refusalOf(() => enrolMember(relay, first.code, createSigningKeyPair().publicKey))).toBe('invitation-used');
    const late = createInvitation(relay, { name: 'Sam Patel', role: 'Discharge coordinator' });
    now.value += 8 * 86_400_000;
    expect(refusalOf(() => enrolMember(relay, late.code, createSigningKeyPair().publicKey))).toBe('invitation-expired');
    closeRelayDatabase(relay);
  });

  it('a challenge answer is refused when stale, forged, wrongly signed, or from a revoked member', () => {
    const now = { value: Date.parse('2026-11-30T09:00:00Z') };
    const relay = relayAt(now);
    const book = new ChallengeBook(relay, () => now.value);
    const pair = createSigningKeyPair();
    const member = enrolMember(relay, createInvitation(relay, { name: 'Grace Okafor', role: 'Community matron' }).code, pair.publicKey);
    // Positive control: a fresh, well-signed answer from a member is accepted.
    expect(book.verify(answer(book, pair.secretKey, pair.publicKey), 'socket-1').id).toBe(member.id);

    const stale = book.issue();
    now.value += CHALLENGE_LIFETIME_MS + 1;
    expect(refusalOf(() => book.verify(answer(book, pair.secretKey, pair.publicKey, stale)))).toBe('stale-challenge');

    const genuine = Buffer.from(book.issue(), 'base64url');
    genuine[10] = (genuine[10] ?? 0) ^ 1;
    expect(refusalOf(() => book.verify(answer(book, pair.secretKey, pair.publicKey, genuine.toString('base64url'))))).toBe('forged-challenge');

    const other = createSigningKeyPair();
    const challenge = book.issue();
    const wrong = JSON.stringify({ v: 1, key: encodeKeyBytes(pair.publicKey), challenge, signature: encodeKeyBytes(signBytes(other.secretKey, authMessage(challenge))) });
    expect(refusalOf(() => book.verify(wrong))).toBe('bad-signature');
    expect(refusalOf(() => book.verify('{"v":1'))).toBe('malformed-answer');

    revokeMember(relay, member.id);
    expect(refusalOf(() => book.verify(answer(book, pair.secretKey, pair.publicKey)))).toBe('unknown-member');
    closeRelayDatabase(relay);
  });

  it('the relay database is refused with the wrong passphrase, changing nothing', () => {
    const dir = tempDataDir('relay-unit');
    closeRelayDatabase(openRelayDatabase(dir, { kind: 'passphrase', passphrase: 'relay unit passphrase' }));
    expect(() => openRelayDatabase(dir, { kind: 'passphrase', passphrase: 'not the passphrase' })).toThrow(/passphrase/);
  });
});
