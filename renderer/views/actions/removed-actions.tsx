import type { PlainRecord } from '../plan/plain-record';
import { RemovedItems } from '../fields/removed-items';
import { usePlanSection } from '../plan/plan-store-context';

const actionsPath = ['actions'] as const;
const summaryKeys = ['what'] as const;

/** Removed actions, each with Restore (removal is soft: nothing is lost). */
export function RemovedActions() {
  const actions = usePlanSection('actions');
  const removed = actions.filter((action) => action.removedAt !== null);
  return <RemovedItems collectionPath={actionsPath} items={removed as unknown as ReadonlyArray<PlainRecord & { id: string }>} itemName="Action" summaryKeys={summaryKeys} />;
}
