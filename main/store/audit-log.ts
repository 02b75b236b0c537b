import { openText, sealText } from './cipher';
import { auditLink, currentHead, writeHead, type PlanHead } from './plan-chain';
import { prepared } from './prepared';
import type { StoreContext } from './store-context';

/**
 * The audit trail: one append-only row per accepted change (triggers in the schema refuse
 * UPDATE and DELETE). Who did it is personal data, so it is sealed; what kind of change
 * and which sections it touched are not, so they stay queryable.
 */
export interface AuditActor {
  name: string;
  role: string;
  organisation: string;
  /** For changes received in a meeting: the peer they came from. */
  peerId?: string;
  /** Fingerprint of the identity key that signed it in the meeting (absent: not verified). */
  verifiedKey?: string;
  /** author: the signer wrote it; deliverer: the signer passed it on, its author not verified. */
  signedBy?: 'author' | 'deliverer';
}

export type AuditOrigin = 'local' | 'peer' | 'system';

export interface AuditEvent {
  id: number;
  planId: string;
  seq: number | null;
  at: string;
  action: string;
  origin: AuditOrigin;
  sections: string[];
  /** Plan fields the change touched, as dotted paths ("aboutMe.whatMatters"); empty when not known. */
  fields: string[];
  actor: AuditActor;
  /** Sealed extra facts, e.g. who a refused export was for. */
  detail: AuditDetail | null;
}

/** Extra facts of an event that are personal data, so sealed like the actor. */
export interface AuditDetail {
  recipient?: string;
  /**
   * The change's own Yjs update (base64), kept so it can be undone or brought back after
   * compaction has garbage-collected the live state (docs/undo-and-bring-back.md). Sealed and
   * covered by the audit chain like the rest of the detail.
   */
  update?: string;
  /** For an undo or a bring-back: whose changes it reversed, and since when (or which entry). */
  reversed?: ReversedChanges;
}

/** What an undo ("since") or a bring-back (one history entry, fromId..toId) reversed. */
export interface ReversedChanges {
  person: string;
  since?: string;
  fromId?: number;
  toId?: number;
  /** When the reversed entry was made (for its label). */
  at?: string;
}

interface AuditRow {
  id: number;
  plan_id: string;
  seq: number | null;
  at: string;
  action: string;
  origin: AuditOrigin;
  sections: string;
  fields: string;
  actor_blob: Buffer;
  detail_blob: Buffer | null;
}

// The context binds the sealed actor to its plan and time, so it cannot be moved to another row.
const actorContext = (planId: string, at: string, action: string) => `audit:${planId}:${at}:${action}`;
const detailContext = (planId: string, at: string, action: string) => `audit-detail:${planId}:${at}:${action}`;

export interface NewAuditEvent {
  planId: string;
  seq: number | null;
  action: string;
  origin: AuditOrigin;
  sections: readonly string[];
  fields?: readonly string[];
  actor: AuditActor;
  detail?: AuditDetail;
}

/** Appends one audit row in the caller's transaction and extends the plan's audit chain. */
export function recordAuditEvent(context: StoreContext, event: NewAuditEvent): void {
  writeHead(context, recordAuditEventTo(context, event, currentHead(context, event.planId)));
}

/** The same, extending a head the caller holds and writes once (group commit). */
export function recordAuditEventTo(context: StoreContext, event: NewAuditEvent, head: PlanHead): PlanHead {
  const at = context.now();
  const sections = event.sections.join(',');
  const fields = (event.fields ?? []).join(',');
  const actorBlob = sealText(context.key, JSON.stringify(event.actor), actorContext(event.planId, at, event.action));
  const detailBlob = event.detail ? sealText(context.key, JSON.stringify(event.detail), detailContext(event.planId, at, event.action)) : null;
  const inserted = prepared(
    context.db,
    'INSERT INTO audit_events (plan_id, seq, at, action, origin, sections, fields, actor_blob, detail_blob) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(event.planId, event.seq, at, event.action, event.origin, sections, fields, actorBlob, detailBlob);
  const row = { id: Number(inserted.lastInsertRowid), plan_id: event.planId, seq: event.seq, at, action: event.action, origin: event.origin, sections, fields, actor_blob: actorBlob, detail_blob: detailBlob };
  return { ...head, auditCount: head.auditCount + 1, auditLink: auditLink(context, row, head.auditLink) };
}

/** Newest first; `beforeId` pages back through the whole trail (rows with a smaller id). */
export function listAuditEvents(context: StoreContext, planId: string, limit = 1000, beforeId?: number): AuditEvent[] {
  const rows = context.db
    .prepare('SELECT * FROM audit_events WHERE plan_id = ? AND id < ? ORDER BY id DESC LIMIT ?')
    .all(planId, beforeId ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    seq: row.seq,
    at: row.at,
    action: row.action,
    origin: row.origin,
    sections: row.sections ? row.sections.split(',') : [],
    fields: row.fields ? row.fields.split(',') : [],
    actor: JSON.parse(openText(context.key, row.actor_blob, actorContext(row.plan_id, row.at, row.action))) as AuditActor,
    detail: row.detail_blob ? (JSON.parse(openText(context.key, row.detail_blob, detailContext(row.plan_id, row.at, row.action))) as AuditDetail) : null,
  }));
}
