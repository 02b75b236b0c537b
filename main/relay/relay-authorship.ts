import * as Y from 'yjs';
import { keyFingerprint } from '../../shared/identity';
import { logEvent } from '../logging/log';
import type { RelayDatabase } from './relay-database';
import { listMembers } from './relay-membership';

/**
 * Who wrote what, as the relay saw it. Every Yjs change carries its writer's client id;
 * when an authenticated member's socket sends a change, the relay records that member
 * against the client ids in it (first claim wins: a member cannot take over another's
 * client id). A machine receiving changes from the relay asks which members wrote them,
 * so History of changes names the verified member, not just "the practice server".
 */
export const AUTHORSHIP_SCHEMA = `
  CREATE TABLE IF NOT EXISTS relay_client_authors (
    plan_id TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    member_id TEXT NOT NULL,
    PRIMARY KEY (plan_id, client_id)
  );
`;

export function clientIdsOf(update: Uint8Array): number[] {
  const ids = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) ids.add(struct.id.client);
  return [...ids];
}

export class AuthorshipBook {
  readonly #claimed = new Set<string>();

  constructor(private readonly relay: RelayDatabase) {
    relay.db.exec(AUTHORSHIP_SCHEMA);
  }

  record(planId: string, memberId: string, update: Uint8Array): void {
    const fresh = clientIdsOf(update).filter((clientId) => !this.#claimed.has(`${planId}:${clientId}`));
    if (fresh.length === 0) return;
    const insert = this.relay.bookkeeping.prepare('INSERT OR IGNORE INTO relay_client_authors (plan_id, client_id, member_id) VALUES (?, ?, ?)');
    const owner = this.relay.bookkeeping.prepare('SELECT member_id FROM relay_client_authors WHERE plan_id = ? AND client_id = ?');
    this.relay.bookkeeping.transaction(() => {
      for (const clientId of fresh) {
        insert.run(planId, clientId, memberId);
        const row = owner.get(planId, clientId) as { member_id: string } | undefined;
        if (row && row.member_id !== memberId) logEvent('warn', 'relay-client-id-claimed', { planId });
        this.#claimed.add(`${planId}:${clientId}`);
      }
    })();
    if (this.#claimed.size > 200_000) this.#claimed.clear();
  }

  authorsOf(planId: string, clientIds: readonly number[]): Array<{ clientId: number; name: string; role: string; fingerprint: string }> {
    const members = new Map(listMembers(this.relay).map((member) => [member.id, member]));
    const owner = this.relay.db.prepare('SELECT member_id FROM relay_client_authors WHERE plan_id = ? AND client_id = ?');
    const found: Array<{ clientId: number; name: string; role: string; fingerprint: string }> = [];
    for (const clientId of clientIds) {
      const row = owner.get(planId, clientId) as { member_id: string } | undefined;
      const member = row ? members.get(row.member_id) : undefined;
      if (member) found.push({ clientId, name: member.name, role: member.role, fingerprint: keyFingerprint(member.publicKey) });
    }
    return found;
  }
}
