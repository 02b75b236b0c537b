import * as Y from 'yjs';
import { open, seal } from './cipher';
import { getPlan, nextSeq } from './plan-records';
import type { StoreContext } from './store-context';

/**
 * The plan's Yjs history: an append-only log of updates plus at most one snapshot that
 * folds the oldest of them. Opening a plan = snapshot + the updates after it.
 */
export const DEFAULT_COMPACTION_THRESHOLD = 500;

const updateContext = (planId: string, seq: number) => `update:${planId}:${seq}`;
const snapshotContext = (planId: string, coversSeq: number) => `snapshot:${planId}:${coversSeq}`;

interface SnapshotRow {
  covers_seq: number;
  state_blob: Buffer;
}

/** Appends one update in the caller's transaction and returns its sequence number. */
export function appendUpdateRow(context: StoreContext, planId: string, update: Uint8Array): number {
  const seq = nextSeq(context, planId);
  context.db
    .prepare('INSERT INTO plan_updates (plan_id, seq, update_blob, received_at) VALUES (?, ?, ?, ?)')
    .run(planId, seq, seal(context.key, update, updateContext(planId, seq)), context.now());
  return seq;
}

function readSnapshot(context: StoreContext, planId: string): { coversSeq: number; state: Uint8Array } | undefined {
  const row = context.db.prepare('SELECT covers_seq, state_blob FROM plan_snapshots WHERE plan_id = ?').get(planId) as
    | SnapshotRow
    | undefined;
  if (!row) return undefined;
  return { coversSeq: row.covers_seq, state: open(context.key, row.state_blob, snapshotContext(planId, row.covers_seq)) };
}

function readTail(context: StoreContext, planId: string, afterSeq: number): Array<{ seq: number; update: Uint8Array }> {
  const rows = context.db
    .prepare('SELECT seq, update_blob FROM plan_updates WHERE plan_id = ? AND seq > ? ORDER BY seq')
    .all(planId, afterSeq) as Array<{ seq: number; update_blob: Buffer }>;
  return rows.map((row) => ({ seq: row.seq, update: open(context.key, row.update_blob, updateContext(planId, row.seq)) }));
}

export interface PlanState {
  state: Uint8Array;
  lastSeq: number;
  tailLength: number;
}

export function loadPlanState(context: StoreContext, planId: string): PlanState {
  const plan = getPlan(context, planId);
  const snapshot = readSnapshot(context, planId);
  const tail = readTail(context, planId, snapshot?.coversSeq ?? 0);
  const parts = [...(snapshot ? [snapshot.state] : []), ...tail.map((entry) => entry.update)];
  const state = parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(parts);
  return { state, lastSeq: plan.lastSeq, tailLength: tail.length };
}

export function countTail(context: StoreContext, planId: string): number {
  const row = context.db
    .prepare(
      'SELECT COUNT(*) AS n FROM plan_updates WHERE plan_id = ? AND seq > COALESCE((SELECT covers_seq FROM plan_snapshots WHERE plan_id = ?), 0)',
    )
    .get(planId, planId) as { n: number };
  return row.n;
}

export interface CompactionHooks {
  /** Merges updates into one; replaceable so tests can inject a failure mid-compaction. */
  merge?: (updates: Uint8Array[]) => Uint8Array;
  /** Called after the new snapshot is written, before old rows are deleted. */
  afterSnapshotWritten?: () => void;
}

/**
 * Folds the snapshot and the whole tail into a new snapshot, in ONE transaction: either
 * the new snapshot exists and exactly the merged rows are gone, or nothing changed.
 */
export function compactPlan(context: StoreContext, planId: string, hooks: CompactionHooks = {}): { folded: number } {
  const merge = hooks.merge ?? ((updates: Uint8Array[]) => Y.mergeUpdates(updates));
  return context.db.transaction(() => {
    const snapshot = readSnapshot(context, planId);
    const tail = readTail(context, planId, snapshot?.coversSeq ?? 0);
    const last = tail.at(-1);
    if (!last) return { folded: 0 };
    const merged = merge([...(snapshot ? [snapshot.state] : []), ...tail.map((entry) => entry.update)]);
    context.db
      .prepare(
        `INSERT INTO plan_snapshots (plan_id, covers_seq, state_blob, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(plan_id) DO UPDATE SET covers_seq = excluded.covers_seq, state_blob = excluded.state_blob, created_at = excluded.created_at`,
      )
      .run(planId, last.seq, seal(context.key, merged, snapshotContext(planId, last.seq)), context.now());
    hooks.afterSnapshotWritten?.();
    // Only the rows that went into the snapshot: an update appended meanwhile survives.
    const deleted = context.db.prepare('DELETE FROM plan_updates WHERE plan_id = ? AND seq <= ?').run(planId, last.seq);
    return { folded: deleted.changes };
  })();
}
