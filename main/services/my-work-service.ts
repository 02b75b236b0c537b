import { myOpenActions, readPlanSnapshot, reviewsDue, type PlanForMyWork } from '../../shared/plan';
import type { CareStore } from '../store/care-store';
import type { HandlerSlice } from './handler-table';
import type { PlanDocCache } from './plan-doc-cache';

/** Today on this machine's calendar (local time: "overdue" is about the day on the wall). */
function localToday(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** "My actions" and "Reviews due" across every plan here: reads each plan once, the rules live in shared/plan/my-work.ts. */
export function createMyWorkHandlers(store: CareStore, docs: PlanDocCache, clock: () => Date = () => new Date()): HandlerSlice<'listMyWork'> {
  return {
    listMyWork: () => {
      const today = localToday(clock());
      const me = store.getProfile()?.name ?? null;
      const plans: PlanForMyWork[] = store
        .listPlans(false)
        .map((record) => ({ planId: record.id, planName: record.displayName, snapshot: readPlanSnapshot(docs.get(record.id)) }));
      return { me, today, myActions: me ? myOpenActions(plans, me, today) : [], reviewsDue: reviewsDue(plans, today) };
    },
  };
}
