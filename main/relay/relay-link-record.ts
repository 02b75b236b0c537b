import type Database from 'better-sqlite3';

/**
 * On a member's machine: which relay it is enrolled with, and per plan whether it stays
 * on this machine only and when it last synced. No secret is kept here (authentication
 * signs a fresh challenge with the profile's key each time), and nothing personal: relay
 * addresses and plan ids only, so these rows are not sealed.
 */
export const RELAY_LINK_SCHEMA = `
  CREATE TABLE relay_link (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    urls TEXT NOT NULL,
    member_id TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    last_synced_at TEXT
  );
  CREATE TABLE relay_plan_sync (
    plan_id TEXT PRIMARY KEY REFERENCES plans(id),
    local_only INTEGER NOT NULL DEFAULT 0 CHECK (local_only IN (0, 1)),
    last_synced_at TEXT
  );
`;

export interface RelayLink {
  urls: string[];
  memberId: string;
  enrolledAt: string;
  lastSyncedAt: string | null;
}

interface LinkRow {
  urls: string;
  member_id: string;
  enrolled_at: string;
  last_synced_at: string | null;
}

export function readRelayLink(db: Database.Database): RelayLink | null {
  const row = db.prepare('SELECT urls, member_id, enrolled_at, last_synced_at FROM relay_link WHERE id = 1').get() as LinkRow | undefined;
  if (!row) return null;
  return { urls: JSON.parse(row.urls) as string[], memberId: row.member_id, enrolledAt: row.enrolled_at, lastSyncedAt: row.last_synced_at };
}

export function saveRelayLink(db: Database.Database, urls: readonly string[], memberId: string, at: string): void {
  db.prepare(
    `INSERT INTO relay_link (id, urls, member_id, enrolled_at) VALUES (1, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET urls = excluded.urls, member_id = excluded.member_id, enrolled_at = excluded.enrolled_at, last_synced_at = NULL`,
  ).run(JSON.stringify(urls), memberId, at);
}

export function markSynced(db: Database.Database, planIds: readonly string[], at: string): void {
  const plan = db.prepare(
    `INSERT INTO relay_plan_sync (plan_id, last_synced_at) VALUES (?, ?)
     ON CONFLICT(plan_id) DO UPDATE SET last_synced_at = excluded.last_synced_at`,
  );
  db.transaction(() => {
    for (const id of planIds) plan.run(id, at);
    db.prepare('UPDATE relay_link SET last_synced_at = ? WHERE id = 1').run(at);
  })();
}

export function setPlanLocalOnly(db: Database.Database, planId: string, localOnly: boolean): void {
  db.prepare(
    `INSERT INTO relay_plan_sync (plan_id, local_only) VALUES (?, ?)
     ON CONFLICT(plan_id) DO UPDATE SET local_only = excluded.local_only`,
  ).run(planId, localOnly ? 1 : 0);
}

export function localOnlyPlanIds(db: Database.Database): Set<string> {
  return new Set((db.prepare('SELECT plan_id FROM relay_plan_sync WHERE local_only = 1').all() as { plan_id: string }[]).map((row) => row.plan_id));
}
