import { chainMac } from './chain-mac';
import { prepared } from './prepared';
import type { StoreContext } from './store-context';

/**
 * Each plan's tamper-evident chain (see docs/tamper-evident-store.md):
 *
 *   update link n  = MAC(chain key, "update", plan, seq n, sealed update n, link n-1)
 *   snapshot mac   = MAC("snapshot", plan, covers seq, link of the last folded update, sealed state)
 *   audit link n   = MAC("audit", plan, row id, seq, time, action, origin, sections, fields,
 *                        sealed actor, sealed detail, link n-1)
 *   head mac       = MAC("head", plan, last seq, last update link, audit count, last audit link,
 *                        agreed version count, latest agreed record hash)
 *
 * The head row is rewritten in the same transaction as every change to the plan, so on
 * open a deleted newest update, a removed audit row or a deleted latest agreed version no
 * longer matches the sealed head. Compaction keeps the chain checkable: the snapshot carries
 * the link it folded up to, and the tail continues from there.
 */
export interface PlanHead {
  planId: string;
  lastSeq: number;
  updateLink: Buffer;
  auditCount: number;
  auditLink: Buffer;
  agreedCount: number;
  agreedHash: string | null;
}

interface HeadRow {
  plan_id: string;
  last_seq: number;
  update_link: Buffer;
  audit_count: number;
  audit_link: Buffer;
  agreed_count: number;
  agreed_hash: string | null;
  mac: Buffer;
}

export const genesisLink = (context: StoreContext, planId: string): Buffer => chainMac(context.chainKey, ['genesis', planId]);

export const updateLink = (context: StoreContext, planId: string, seq: number, sealed: Uint8Array, previous: Uint8Array): Buffer =>
  chainMac(context.chainKey, ['update', planId, seq, sealed, previous]);

export const snapshotMac = (context: StoreContext, planId: string, coversSeq: number, coversLink: Uint8Array, sealed: Uint8Array): Buffer =>
  chainMac(context.chainKey, ['snapshot', planId, coversSeq, coversLink, sealed]);

export interface AuditLinkFields {
  id: number;
  plan_id: string;
  seq: number | null;
  at: string;
  action: string;
  origin: string;
  sections: string;
  fields: string;
  actor_blob: Uint8Array;
  detail_blob: Uint8Array | null;
}

export const auditLink = (context: StoreContext, row: AuditLinkFields, previous: Uint8Array): Buffer =>
  chainMac(context.chainKey, ['audit', row.plan_id, row.id, row.seq, row.at, row.action, row.origin, row.sections, row.fields, row.actor_blob, row.detail_blob, previous]);

export const headMac = (context: StoreContext, head: PlanHead): Buffer =>
  chainMac(context.chainKey, [
    'head',
    head.planId,
    head.lastSeq,
    head.updateLink,
    head.auditCount,
    head.auditLink,
    head.agreedCount,
    head.agreedHash,
  ]);

export function newHead(context: StoreContext, planId: string): PlanHead {
  const genesis = genesisLink(context, planId);
  return { planId, lastSeq: 0, updateLink: genesis, auditCount: 0, auditLink: genesis, agreedCount: 0, agreedHash: null };
}

/** The stored head and whether its MAC holds; undefined when the plan has none. */
export function readHead(context: StoreContext, planId: string): { head: PlanHead; sealed: boolean } | undefined {
  const row = prepared(context.db, 'SELECT * FROM plan_heads WHERE plan_id = ?').get(planId) as HeadRow | undefined;
  if (!row) return undefined;
  const head: PlanHead = {
    planId: row.plan_id,
    lastSeq: row.last_seq,
    updateLink: row.update_link,
    auditCount: row.audit_count,
    auditLink: row.audit_link,
    agreedCount: row.agreed_count,
    agreedHash: row.agreed_hash,
  };
  return { head, sealed: headMac(context, head).equals(row.mac) };
}

/** The head to extend inside a write transaction; a plan with no head yet starts at genesis. */
export function currentHead(context: StoreContext, planId: string): PlanHead {
  return readHead(context, planId)?.head ?? newHead(context, planId);
}

export function writeHead(context: StoreContext, head: PlanHead): void {
  prepared(
    context.db,
    `INSERT INTO plan_heads (plan_id, last_seq, update_link, audit_count, audit_link, agreed_count, agreed_hash, mac)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(plan_id) DO UPDATE SET last_seq = excluded.last_seq, update_link = excluded.update_link,
         audit_count = excluded.audit_count, audit_link = excluded.audit_link, agreed_count = excluded.agreed_count,
         agreed_hash = excluded.agreed_hash, mac = excluded.mac`,
  ).run(head.planId, head.lastSeq, head.updateLink, head.auditCount, head.auditLink, head.agreedCount, head.agreedHash, headMac(context, head));
}
