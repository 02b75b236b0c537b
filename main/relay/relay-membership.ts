import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { openText, sealText } from '../store/cipher';
import type { RelayDatabase } from './relay-database';

/**
 * Who may use the relay. An administrator invites a person by name and role; the code is
 * shown once and only its SHA-256 is stored, so the database cannot be mined for live
 * codes. Enrolment spends the code and binds the person to their profile's public
 * signing key; from then on they prove that key on every connection (relay-challenge.ts).
 */
export interface MemberProfile {
  name: string;
  role: string;
}

export interface RelayMember extends MemberProfile {
  id: string;
  publicKey: Uint8Array;
  enrolledAt: string;
  revokedAt: string | null;
}

export class MembershipError extends Error {
  constructor(
    readonly code: 'unknown-invitation' | 'invitation-used' | 'invitation-expired' | 'key-already-enrolled' | 'unknown-member',
    message: string,
  ) {
    super(message);
    this.name = 'MembershipError';
  }
}

const INVITATION_DAYS = 7;
const INVITATION_BYTES = 15;
const MAX_NAME_CHARS = 200;

function codeHash(code: string): Buffer {
  return createHash('sha256').update(`carehouse-relay-invitation:${code.trim()}`).digest();
}

const invitationContext = (hash: Buffer) => `relay-invitation:${hash.toString('hex')}`;
const memberContext = (id: string) => `relay-member:${id}`;

function checkProfile(profile: MemberProfile): void {
  for (const [field, value] of Object.entries(profile)) {
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_NAME_CHARS) {
      throw new Error(`A member's ${field} must be between 1 and ${MAX_NAME_CHARS} characters.`);
    }
  }
}

/** Creates a one-time invitation; returns the code to hand to the person (shown once). */
export function createInvitation(relay: RelayDatabase, profile: MemberProfile): { code: string; expiresAt: string } {
  checkProfile(profile);
  // Base32 without look-alike letters' ambiguity problems of base64 (+, /, case) when read out.
  const code = base32(randomBytes(INVITATION_BYTES)).replace(/(.{6})(?=.)/g, '$1-');
  const hash = codeHash(code);
  const createdAt = relay.now();
  const expiresAt = new Date(Date.parse(createdAt) + INVITATION_DAYS * 86_400_000).toISOString();
  relay.db
    .prepare('INSERT INTO relay_invitations (code_hash, profile_blob, created_at, expires_at) VALUES (?, ?, ?, ?)')
    .run(hash, sealText(relay.key, JSON.stringify({ name: profile.name.trim(), role: profile.role.trim() }), invitationContext(hash)), createdAt, expiresAt);
  return { code, expiresAt };
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

interface InvitationRow {
  profile_blob: Buffer;
  expires_at: string;
  used_at: string | null;
}

/** Spends an invitation and enrols the key; all or nothing, in one transaction. */
export function enrolMember(relay: RelayDatabase, code: string, publicKey: Uint8Array): RelayMember {
  if (publicKey.length !== 32) throw new MembershipError('unknown-invitation', 'That is not a signing key.');
  const hash = codeHash(code);
  return relay.db.transaction(() => {
    const row = relay.db.prepare('SELECT profile_blob, expires_at, used_at FROM relay_invitations WHERE code_hash = ?').get(hash) as InvitationRow | undefined;
    if (!row) throw new MembershipError('unknown-invitation', 'That invitation code is not known to this practice server.');
    if (row.used_at) throw new MembershipError('invitation-used', 'That invitation code has already been used.');
    const now = relay.now();
    if (row.expires_at < now) throw new MembershipError('invitation-expired', 'That invitation code has expired; ask for a new one.');
    if (relay.db.prepare('SELECT 1 FROM relay_members WHERE public_key = ?').get(Buffer.from(publicKey))) {
      throw new MembershipError('key-already-enrolled', 'This machine is already a member of this practice server.');
    }
    const profile = JSON.parse(openText(relay.key, row.profile_blob, invitationContext(hash))) as MemberProfile;
    const id = randomUUID();
    relay.db.prepare('UPDATE relay_invitations SET used_at = ? WHERE code_hash = ?').run(now, hash);
    relay.db
      .prepare('INSERT INTO relay_members (id, public_key, profile_blob, enrolled_at) VALUES (?, ?, ?, ?)')
      .run(id, Buffer.from(publicKey), sealText(relay.key, JSON.stringify(profile), memberContext(id)), now);
    bumpMembersRevision(relay);
    return { id, publicKey, ...profile, enrolledAt: now, revokedAt: null };
  }).immediate();
}

interface MemberRow {
  id: string;
  public_key: Buffer;
  profile_blob: Buffer;
  enrolled_at: string;
  revoked_at: string | null;
}

function memberOf(relay: RelayDatabase, row: MemberRow): RelayMember {
  const profile = JSON.parse(openText(relay.key, row.profile_blob, memberContext(row.id))) as MemberProfile;
  return { id: row.id, publicKey: new Uint8Array(row.public_key), ...profile, enrolledAt: row.enrolled_at, revokedAt: row.revoked_at };
}

export function listMembers(relay: RelayDatabase): RelayMember[] {
  const rows = relay.db.prepare('SELECT * FROM relay_members ORDER BY enrolled_at, id').all() as MemberRow[];
  return rows.map((row) => memberOf(relay, row));
}

/** The member holding this key, if they are still a member (revoked members are not). */
export function findActiveMember(relay: RelayDatabase, publicKey: Uint8Array): RelayMember | null {
  const row = relay.db.prepare('SELECT * FROM relay_members WHERE public_key = ? AND revoked_at IS NULL').get(Buffer.from(publicKey)) as MemberRow | undefined;
  return row ? memberOf(relay, row) : null;
}

export function revokeMember(relay: RelayDatabase, memberId: string): RelayMember {
  return relay.db.transaction(() => {
    const changed = relay.db.prepare('UPDATE relay_members SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(relay.now(), memberId);
    const row = relay.db.prepare('SELECT * FROM relay_members WHERE id = ?').get(memberId) as MemberRow | undefined;
    if (!row) throw new MembershipError('unknown-member', 'There is no member with that id.');
    if (changed.changes > 0) bumpMembersRevision(relay);
    return memberOf(relay, row);
  }).immediate();
}

/** Running relays poll this number: when it moves, they re-check every open connection's member. */
export function membersRevision(relay: RelayDatabase): number {
  return (relay.db.prepare('SELECT members_revision AS revision FROM relay_revision WHERE id = 1').get() as { revision: number }).revision;
}

function bumpMembersRevision(relay: RelayDatabase): void {
  relay.db.prepare('UPDATE relay_revision SET members_revision = members_revision + 1 WHERE id = 1').run();
}
