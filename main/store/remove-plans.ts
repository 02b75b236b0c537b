import { sealPlanSet } from './plan-set-seal';
import type { StoreContext } from './store-context';

const PLAN_TABLES = ['plan_updates', 'plan_snapshots', 'plan_heads', 'audit_events', 'agreed_versions'] as const;
const PROTECTED_TABLES = ['audit_events', 'agreed_versions'];

/**
 * Salvage only, on a private temporary copy of a backup: takes damaged plans out whole,
 * in one transaction. The append-only triggers forbid exactly this, so they are lifted for
 * the transaction and put back with their original SQL; the schema check on the next open
 * proves they are back as the migrations wrote them.
 */
export function removePlans(context: StoreContext, planIds: readonly string[]): void {
  if (planIds.length === 0) return;
  context.db.transaction(() => {
    const triggers = context.db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${PROTECTED_TABLES.map(() => '?').join(', ')})`)
      .all(...PROTECTED_TABLES) as Array<{ name: string; sql: string }>;
    for (const trigger of triggers) context.db.exec(`DROP TRIGGER "${trigger.name.replace(/"/g, '""')}"`);
    for (const planId of planIds) {
      for (const table of PLAN_TABLES) context.db.prepare(`DELETE FROM ${table} WHERE plan_id = ?`).run(planId);
      context.db.prepare('DELETE FROM plans WHERE id = ?').run(planId);
    }
    for (const trigger of triggers) context.db.exec(trigger.sql);
    sealPlanSet(context);
  })();
}
