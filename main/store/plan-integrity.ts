import { agreedChainProblem } from './agreed-versions';
import { sameMac } from './chain-mac';
import { auditLink, genesisLink, readHead, snapshotMac, updateLink, type AuditLinkFields } from './plan-chain';
import type { StoreContext } from './store-context';
import { readSnapshotRow } from './update-log';

/**
 * Checks one plan's chains against its sealed head WITHOUT decrypting anything (MACs over
 * the sealed bytes), so it is cheap enough to run for every plan on every open. Returns
 * plain sentences naming what is wrong; an empty list means the plan is as CareHouse left it.
 */
export function planChainProblems(context: StoreContext, planId: string): string[] {
  const stored = readHead(context, planId);
  if (!stored) return ['its sealed head is missing'];
  const { head, sealed } = stored;
  if (!sealed) return ['its sealed head was altered'];
  const problems: string[] = [];
  const plan = context.db.prepare('SELECT last_seq FROM plans WHERE id = ?').get(planId) as { last_seq: number } | undefined;
  if (plan && plan.last_seq !== head.lastSeq) problems.push(`its update counter says ${plan.last_seq} but ${head.lastSeq} were sealed`);
  const updateProblem = updateChainProblem(context, planId, head.lastSeq, head.updateLink);
  if (updateProblem) problems.push(updateProblem);
  const auditProblem = auditChainProblem(context, planId, head.auditCount, head.auditLink);
  if (auditProblem) problems.push(auditProblem);
  const agreedProblem = agreedChainProblem(context, planId, head.agreedCount, head.agreedHash);
  if (agreedProblem) problems.push(agreedProblem);
  return problems;
}

function updateChainProblem(context: StoreContext, planId: string, lastSeq: number, expectedLink: Buffer): string | null {
  const snapshot = readSnapshotRow(context, planId);
  let seq = 0;
  let link: Uint8Array = genesisLink(context, planId);
  if (snapshot) {
    if (!snapshot.covers_link || !sameMac(snapshot.mac, snapshotMac(context, planId, snapshot.covers_seq, snapshot.covers_link, snapshot.state_blob))) {
      return `its snapshot (updates 1 to ${snapshot.covers_seq}) was altered`;
    }
    seq = snapshot.covers_seq;
    link = snapshot.covers_link;
  }
  const rows = context.db
    .prepare('SELECT seq, update_blob, link FROM plan_updates WHERE plan_id = ? AND seq > ? ORDER BY seq')
    .all(planId, seq) as Array<{ seq: number; update_blob: Buffer; link: Buffer | null }>;
  for (const row of rows) {
    if (row.seq !== seq + 1) return row.seq === seq + 2 ? `update ${seq + 1} is missing` : `updates ${seq + 1} to ${row.seq - 1} are missing`;
    const expected = updateLink(context, planId, row.seq, row.update_blob, link);
    if (!sameMac(row.link, expected)) return `update ${row.seq} was altered or damaged`;
    seq = row.seq;
    link = expected;
  }
  if (seq < lastSeq) return seq + 1 === lastSeq ? `the newest update (${lastSeq}) is missing` : `updates ${seq + 1} to ${lastSeq} are missing`;
  if (seq > lastSeq || !sameMac(link, expectedLink)) return `updates after ${lastSeq} were added outside CareHouse`;
  return null;
}

function auditChainProblem(context: StoreContext, planId: string, expectedCount: number, expectedLink: Buffer): string | null {
  const rows = context.db
    .prepare('SELECT id, plan_id, seq, at, action, origin, sections, fields, actor_blob, detail_blob FROM audit_events WHERE plan_id = ? ORDER BY id')
    .all(planId) as AuditLinkFields[];
  let link: Uint8Array = genesisLink(context, planId);
  let count = 0;
  for (const row of rows) {
    link = auditLink(context, row, link);
    count += 1;
  }
  if (count < expectedCount) return `${expectedCount - count} audit row(s) were removed`;
  if (count > expectedCount) return `${count - expectedCount} audit row(s) were added outside CareHouse`;
  if (!sameMac(link, expectedLink)) return 'an audit row was altered (who, when, what or where from)';
  return null;
}
