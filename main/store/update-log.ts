import * as Y from 'yjs';
import { open, seal } from './cipher';
import { currentHead, snapshotMac, updateLink, writeHead, type PlanHead } from './plan-chain';
import { getPlan, nextSeq } from './plan-records';
import { prepared } from './prepared';
import type { StoreContext } from './store-context';

/**
 * The plan's Yjs history: an append-only log of updates plus at most one snapshot that
 * folds the oldest of them. Opening a plan = snapshot + the updates after it. Every row is
 * a link in the plan's keyed chain (plan-chain.ts); the snapshot carries the link it
 * folded up to, so the tail after it stays verifiable.
 */
export const DEFAULT_COMPACTION_THRESHOLD = 500;

const updateContext = (planId: string, seq: number) => `update:${planId}:${seq}`;
const snapshotContext = (planId: string, coversSeq: number) => `snapshot:${planId}:${coversSeq}`;

interface SnapshotRow {
  covers_seq: number;
  covers_link: Buffer | null;
  state_blob: Buffer;
  mac: Buffer | null;
}

/** Appends one update in the caller's transaction, extends the chain, and returns its sequence number. */
export function appendUpdateRow(context: StoreContext, planId: string, update: Uint8Array): number {
  const { seq, head } = appendUpdateRowTo(context, planId, update, currentHead(context, planId));
  writeHead(context, head);
  return seq;
}

/**
 * The same, extending a head the caller holds and writes once at the end (group commit:
 * one head write per plan per transaction, not two per update).
 */
export function appendUpdateRowTo(context: StoreContext, planId: string, update: Uint8Array, head: PlanHead): { seq: number; head: PlanHead } {
  const seq = nextSeq(context, planId);
  const sealed = seal(context.key, update, updateContext(planId, seq));
  const link = updateLink(context, planId, seq, sealed, head.updateLink);
  prepared(context.db, 'INSERT INTO plan_updates (plan_id, seq, update_blob, received_at, link) VALUES (?, ?, ?, ?, ?)').run(
    planId,
    seq,
    sealed,
    context.now(),
    link,
  );
  return { seq, head: { ...head, lastSeq: seq, updateLink: link } };
}

export function readSnapshotRow(context: StoreContext, planId: string): SnapshotRow | undefined {
  return context.db.prepare('SELECT covers_seq, covers_link, state_blob, mac FROM plan_snapshots WHERE plan_id = ?').get(planId) as
    | SnapshotRow
    | undefined;
}

function readSnapshot(context: StoreContext, planId: string): { coversSeq: number; state: Uint8Array } | undefined {
  const row = readSnapshotRow(context, planId);
  if (!row) return undefined;
  return { coversSeq: row.covers_seq, state: open(context.key, row.state_blob, snapshotContext(planId, row.covers_seq)) };
}

function readTail(context: StoreContext, planId: string, afterSeq: number): Array<{ seq: number; update: Uint8Array; link: Buffer | null }> {
  const rows = context.db
    .prepare('SELECT seq, update_blob, link FROM plan_updates WHERE plan_id = ? AND seq > ? ORDER BY seq')
    .all(planId, afterSeq) as Array<{ seq: number; update_blob: Buffer; link: Buffer | null }>;
  return rows.map((row) => ({ seq: row.seq, update: open(context.key, row.update_blob, updateContext(planId, row.seq)), link: row.link }));
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
  const state = parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : parts.length === 1 && parts[0] ? parts[0] : Y.mergeUpdates(parts);
  return { state, lastSeq: plan.lastSeq, tailLength: tail.length };
}

export function countTail(context: StoreContext, planId: string): number {
  const row = prepared(
    context.db,
    'SELECT COUNT(*) AS n FROM plan_updates WHERE plan_id = ? AND seq > COALESCE((SELECT covers_seq FROM plan_snapshots WHERE plan_id = ?), 0)',
  ).get(planId, planId) as { n: number };
  return row.n;
}

/**
 * The document re-encoded: applied to a Y.Doc with garbage collection on, so deleted text
 * and removed items are collected (only their lengths remain), then encoded once. Merging
 * updates instead would keep every deleted character forever.
 */
export function reencodeDocument(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

export interface CompactionHooks {
  /** Folds updates into one; replaceable so tests can inject a failure mid-compaction. */
  merge?: (updates: Uint8Array[]) => Uint8Array;
  /** Called after the new snapshot is written, before old rows are deleted. */
  afterSnapshotWritten?: () => void;
}

/**
 * Folds the snapshot and the whole tail into a new snapshot, in ONE transaction: either
 * the new snapshot exists and exactly the merged rows are gone, or nothing changed.
 */
export function compactPlan(context: StoreContext, planId: string, hooks: CompactionHooks = {}): { folded: number } {
  const merge = hooks.merge ?? reencodeDocument;
  // IMMEDIATE: it reads before it writes, and another process may be writing meanwhile.
  return context.db.transaction(() => {
    const snapshot = readSnapshot(context, planId);
    const tail = readTail(context, planId, snapshot?.coversSeq ?? 0);
    const last = tail.at(-1);
    if (!last) return { folded: 0 };
    const merged = merge([...(snapshot ? [snapshot.state] : []), ...tail.map((entry) => entry.update)]);
    const sealed = seal(context.key, merged, snapshotContext(planId, last.seq));
    // The snapshot continues the chain from the last row it folds; a row without a link
    // (never the case after migration 007 sealed the store) would make the plan unverifiable.
    const coversLink = last.link ?? currentHead(context, planId).updateLink;
    context.db
      .prepare(
        `INSERT INTO plan_snapshots (plan_id, covers_seq, state_blob, created_at, covers_link, mac) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(plan_id) DO UPDATE SET covers_seq = excluded.covers_seq, state_blob = excluded.state_blob,
           created_at = excluded.created_at, covers_link = excluded.covers_link, mac = excluded.mac`,
      )
      .run(planId, last.seq, sealed, context.now(), coversLink, snapshotMac(context, planId, last.seq, coversLink, sealed));
    hooks.afterSnapshotWritten?.();
    // Only the rows that went into the snapshot: an update appended meanwhile survives.
    const deleted = context.db.prepare('DELETE FROM plan_updates WHERE plan_id = ? AND seq <= ?').run(planId, last.seq);
    return { folded: deleted.changes };
  }).immediate();
}
