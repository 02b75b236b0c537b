import { chainMac, sameMac } from './chain-mac';
import type { StoreContext } from './store-context';

/**
 * The set of plans in the store, sealed: a plan deleted wholesale (every row, head
 * included) would leave no broken chain behind, so the store keeps a MAC over the sorted
 * list of plan ids, rewritten in the transaction that creates (or salvage removes) a plan.
 */
function planIds(context: StoreContext): string[] {
  return (context.db.prepare('SELECT id FROM plans ORDER BY id').all() as Array<{ id: string }>).map((row) => row.id);
}

const setMac = (context: StoreContext, ids: readonly string[]) => chainMac(context.chainKey, ['plan-set', ids.length, ...ids]);

export function sealPlanSet(context: StoreContext): void {
  const ids = planIds(context);
  context.db
    .prepare(
      `INSERT INTO store_seal (id, plan_count, mac) VALUES (1, ?, ?)
       ON CONFLICT(id) DO UPDATE SET plan_count = excluded.plan_count, mac = excluded.mac`,
    )
    .run(ids.length, setMac(context, ids));
}

/** A plain sentence when the set of plans is not the one last sealed; null when it is. */
export function checkPlanSet(context: StoreContext): string | null {
  const row = context.db.prepare('SELECT plan_count, mac FROM store_seal WHERE id = 1').get() as { plan_count: number; mac: Buffer } | undefined;
  if (!row) return 'the seal over the list of plans is missing';
  const ids = planIds(context);
  if (!sameMac(row.mac, setMac(context, ids))) {
    return row.plan_count === ids.length
      ? 'the list of plans is not the one CareHouse sealed (a plan was swapped)'
      : `the store should hold ${row.plan_count} plan(s) but holds ${ids.length} (a plan was removed or added outside CareHouse)`;
  }
  return null;
}
