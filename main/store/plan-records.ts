import { TamperedDataError, openText, sealText } from './cipher';
import { prepared } from './prepared';
import type { StoreContext } from './store-context';

export interface PlanRecord {
  id: string;
  displayName: string;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  lastSeq: number;
}

interface PlanRow {
  id: string;
  display_name: Buffer;
  created_at: string;
  updated_at: string;
  archived: number;
  last_seq: number;
}

export class PlanNotFoundError extends Error {
  constructor(planId: string) {
    super(`No plan with id ${planId} on this machine.`);
    this.name = 'PlanNotFoundError';
  }
}

const nameContext = (planId: string) => `plan-name:${planId}`;

function toRecord(context: StoreContext, row: PlanRow, nameUnreadable = false): PlanRecord {
  return {
    id: row.id,
    displayName: nameUnreadable ? '' : openText(context.key, row.display_name, nameContext(row.id)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archived: row.archived === 1,
    lastSeq: row.last_seq,
  };
}

export function insertPlan(context: StoreContext, planId: string, displayName: string): void {
  const at = context.now();
  context.db
    .prepare('INSERT INTO plans (id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(planId, sealText(context.key, displayName, nameContext(planId)), at, at);
}

export function getPlan(context: StoreContext, planId: string): PlanRecord {
  const row = context.db.prepare('SELECT * FROM plans WHERE id = ?').get(planId) as PlanRow | undefined;
  if (!row) throw new PlanNotFoundError(planId);
  return toRecord(context, row);
}

export function planExists(context: StoreContext, planId: string): boolean {
  return context.db.prepare('SELECT 1 FROM plans WHERE id = ?').get(planId) !== undefined;
}

/** A listed plan whose name no longer opens (altered or damaged) has displayName null, so one bad row never hides the others. */
export type ListedPlanRecord = Omit<PlanRecord, 'displayName'> & { displayName: string | null };

export function listPlanRecords(context: StoreContext, includeArchived: boolean): ListedPlanRecord[] {
  const rows = context.db
    .prepare(`SELECT * FROM plans ${includeArchived ? '' : 'WHERE archived = 0'} ORDER BY updated_at DESC, id`)
    .all() as PlanRow[];
  return rows.map((row) => {
    try {
      return toRecord(context, row);
    } catch (error) {
      if (!(error instanceof TamperedDataError)) throw error;
      return { ...toRecord(context, { ...row, display_name: Buffer.alloc(0) }, true), displayName: null };
    }
  });
}

export function setPlanName(context: StoreContext, planId: string, displayName: string): void {
  const result = context.db
    .prepare('UPDATE plans SET display_name = ?, updated_at = ? WHERE id = ?')
    .run(sealText(context.key, displayName, nameContext(planId)), context.now(), planId);
  if (result.changes === 0) throw new PlanNotFoundError(planId);
}

export function setPlanArchived(context: StoreContext, planId: string, archived: boolean): void {
  const result = context.db
    .prepare('UPDATE plans SET archived = ?, updated_at = ? WHERE id = ?')
    .run(archived ? 1 : 0, context.now(), planId);
  if (result.changes === 0) throw new PlanNotFoundError(planId);
}

/** Reserves the next sequence number; call inside the transaction that appends. */
export function nextSeq(context: StoreContext, planId: string): number {
  const result = prepared(context.db, 'UPDATE plans SET last_seq = last_seq + 1, updated_at = ? WHERE id = ? RETURNING last_seq')
    .get(context.now(), planId) as { last_seq: number } | undefined;
  if (!result) throw new PlanNotFoundError(planId);
  return result.last_seq;
}
