import type { RelayDatabase } from './relay-database';
import { listMembers } from './relay-membership';

/**
 * Which member read or changed which plan, and when: for the information-governance lead.
 * Rows hold ids only (member id, plan id); names are joined in at export time from the
 * sealed member records. Changes are logged at most once a minute per member and plan —
 * one row per keystroke would bury the record, and the question asked is "who changed
 * this plan, and when", not "how many characters".
 */
export type AccessAction = 'read' | 'changed' | 'listed';

const CHANGE_LOG_INTERVAL_MS = 60_000;
const LISTING_PLAN_ID = '*';

export class AccessLog {
  readonly #lastChange = new Map<string, number>();

  constructor(private readonly relay: RelayDatabase) {}

  record(memberId: string, planId: string, action: AccessAction): void {
    if (action === 'changed') {
      const key = `${memberId}:${planId}`;
      const now = Date.now();
      const last = this.#lastChange.get(key);
      if (last !== undefined && now - last < CHANGE_LOG_INTERVAL_MS) return;
      this.#lastChange.set(key, now);
      if (this.#lastChange.size > 100_000) this.#lastChange.clear();
    }
    this.relay.bookkeeping
      .prepare('INSERT INTO relay_access_log (at, member_id, plan_id, action) VALUES (?, ?, ?, ?)')
      .run(this.relay.now(), memberId, action === 'listed' ? LISTING_PLAN_ID : planId, action);
  }
}

export interface AccessLogEntry {
  at: string;
  memberId: string;
  memberName: string;
  memberRole: string;
  planId: string;
  action: AccessAction;
}

export function readAccessLog(relay: RelayDatabase): AccessLogEntry[] {
  const members = new Map(listMembers(relay).map((member) => [member.id, member]));
  const rows = relay.db.prepare('SELECT at, member_id, plan_id, action FROM relay_access_log ORDER BY id').all() as {
    at: string;
    member_id: string;
    plan_id: string;
    action: AccessAction;
  }[];
  return rows.map((row) => ({
    at: row.at,
    memberId: row.member_id,
    memberName: members.get(row.member_id)?.name ?? '',
    memberRole: members.get(row.member_id)?.role ?? '',
    planId: row.plan_id,
    action: row.action,
  }));
}

function csvCell(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function accessLogCsv(entries: readonly AccessLogEntry[]): string {
  const header = ['When (UTC)', 'Member id', 'Member', 'Role', 'Plan id', 'Action'];
  const lines = [header, ...entries.map((entry) => [entry.at, entry.memberId, entry.memberName, entry.memberRole, entry.planId, entry.action])];
  return `${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
