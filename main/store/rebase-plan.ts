import { listAuditEvents } from './audit-log';
import { seal } from './cipher';
import { auditLink, genesisLink, snapshotMac, writeHead, type AuditLinkFields } from './plan-chain';
import type { StoreContext } from './store-context';
import { loadPlanState, reencodeDocument } from './update-log';

/**
 * "Keep this plan as it now is", in the caller's transaction: proves every sealed value of
 * the plan still opens (its updates, snapshot and audit actors — a damaged value cannot be
 * kept, only restored from a backup), folds what is there into one snapshot covering every
 * sequence number so far, and seals a fresh chain and head over it. The agreed versions
 * stay as they are; the head takes their current count and latest hash.
 */
export function rebasePlan(context: StoreContext, planId: string): void {
  const { state } = loadPlanState(context, planId);
  listAuditEvents(context, planId, Number.MAX_SAFE_INTEGER);
  const maxRow = context.db.prepare('SELECT MAX(seq) AS seq FROM plan_updates WHERE plan_id = ?').get(planId) as { seq: number | null };
  const plan = context.db.prepare('SELECT last_seq FROM plans WHERE id = ?').get(planId) as { last_seq: number };
  const coversSeq = Math.max(plan.last_seq, maxRow.seq ?? 0);
  const coversLink = genesisLink(context, `${planId}:kept-at:${coversSeq}`);
  const sealed = seal(context.key, reencodeDocument([state]), `snapshot:${planId}:${coversSeq}`);
  context.db.prepare('DELETE FROM plan_updates WHERE plan_id = ?').run(planId);
  context.db
    .prepare(
      `INSERT INTO plan_snapshots (plan_id, covers_seq, state_blob, created_at, covers_link, mac) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(plan_id) DO UPDATE SET covers_seq = excluded.covers_seq, state_blob = excluded.state_blob,
         created_at = excluded.created_at, covers_link = excluded.covers_link, mac = excluded.mac`,
    )
    .run(planId, coversSeq, sealed, context.now(), coversLink, snapshotMac(context, planId, coversSeq, coversLink, sealed));
  context.db.prepare('UPDATE plans SET last_seq = ? WHERE id = ?').run(coversSeq, planId);
  let audit: Buffer = genesisLink(context, planId);
  const auditRows = context.db
    .prepare('SELECT id, plan_id, seq, at, action, origin, sections, fields, actor_blob, detail_blob FROM audit_events WHERE plan_id = ? ORDER BY id')
    .all(planId) as AuditLinkFields[];
  for (const row of auditRows) audit = auditLink(context, row, audit);
  const agreed = context.db
    .prepare('SELECT version, record_hash FROM agreed_versions WHERE plan_id = ? ORDER BY version DESC LIMIT 1')
    .get(planId) as { version: number; record_hash: string } | undefined;
  writeHead(context, {
    planId,
    lastSeq: coversSeq,
    updateLink: coversLink,
    auditCount: auditRows.length,
    auditLink: audit,
    agreedCount: agreed?.version ?? 0,
    agreedHash: agreed?.record_hash ?? null,
  });
}
