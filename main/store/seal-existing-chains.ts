import { chainMac } from './chain-mac';
import { auditLink, genesisLink, snapshotMac, updateLink, writeHead, type AuditLinkFields } from './plan-chain';
import { sealPlanSet } from './plan-set-seal';
import type { StoreContext } from './store-context';

/**
 * Runs once, inside the transaction of migration 007, for a store written before the
 * chains existed: links every row as it is found and seals each plan's head. What was done
 * to a file before this moment cannot be detected (trust on first use); from here on, it can.
 */
export function sealExistingChains(context: StoreContext): void {
  const plans = context.db.prepare('SELECT id FROM plans').all() as Array<{ id: string }>;
  for (const plan of plans) sealPlanChain(context, plan.id);
  sealPlanSet(context);
}

/**
 * Links one plan's rows as they are now and seals its head. Also the "keep this plan as it
 * now is" choice for a plan reported as tampered, after every sealed value in it opened.
 */
export function sealPlanChain(context: StoreContext, planId: string): void {
  const setLink = context.db.prepare('UPDATE plan_updates SET link = ? WHERE plan_id = ? AND seq = ?');
  const plan = context.db.prepare('SELECT id, last_seq FROM plans WHERE id = ?').get(planId) as { id: string; last_seq: number } | undefined;
  if (plan) {
    let link: Buffer = genesisLink(context, plan.id);
    let lastSeq = 0;
    const snapshot = context.db.prepare('SELECT covers_seq, state_blob FROM plan_snapshots WHERE plan_id = ?').get(plan.id) as
      | { covers_seq: number; state_blob: Buffer }
      | undefined;
    if (snapshot) {
      link = chainMac(context.chainKey, ['sealed-on-upgrade', plan.id, snapshot.covers_seq]);
      lastSeq = snapshot.covers_seq;
      context.db
        .prepare('UPDATE plan_snapshots SET covers_link = ?, mac = ? WHERE plan_id = ?')
        .run(link, snapshotMac(context, plan.id, snapshot.covers_seq, link, snapshot.state_blob), plan.id);
    }
    const rows = context.db.prepare('SELECT seq, update_blob FROM plan_updates WHERE plan_id = ? AND seq > ? ORDER BY seq').all(plan.id, lastSeq) as Array<{
      seq: number;
      update_blob: Buffer;
    }>;
    for (const row of rows) {
      link = updateLink(context, plan.id, row.seq, row.update_blob, link);
      setLink.run(link, plan.id, row.seq);
      lastSeq = row.seq;
    }
    let audit: Buffer = genesisLink(context, plan.id);
    const auditRows = context.db
      .prepare('SELECT id, plan_id, seq, at, action, origin, sections, fields, actor_blob, detail_blob FROM audit_events WHERE plan_id = ? ORDER BY id')
      .all(plan.id) as AuditLinkFields[];
    for (const row of auditRows) audit = auditLink(context, row, audit);
    const agreed = context.db
      .prepare('SELECT version, record_hash FROM agreed_versions WHERE plan_id = ? ORDER BY version DESC LIMIT 1')
      .get(plan.id) as { version: number; record_hash: string } | undefined;
    writeHead(context, {
      planId: plan.id,
      lastSeq: Math.max(lastSeq, plan.last_seq),
      updateLink: link,
      auditCount: auditRows.length,
      auditLink: audit,
      agreedCount: agreed?.version ?? 0,
      agreedHash: agreed?.record_hash ?? null,
    });
  }
}
