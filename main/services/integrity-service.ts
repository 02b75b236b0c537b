import { CareError } from '../../shared/contract';
import type { CareStore } from '../store/care-store';
import { TamperedDataError } from '../store/cipher';
import { currentActor } from './actor';
import type { HandlerSlice } from './handler-table';
import type { PlanDocCache } from './plan-doc-cache';

export function createIntegrityHandlers(store: CareStore, docs: PlanDocCache): HandlerSlice<'keepDamagedPlan'> {
  return {
    keepDamagedPlan: ({ planId }) => {
      if (!store.hasPlan(planId)) throw new CareError('not-found', 'That plan is not on this machine.');
      if (!store.isDamaged(planId)) throw new CareError('conflict', 'That plan passed its integrity check; there is nothing to keep.');
      try {
        store.keepPlanAsItIs(planId, currentActor(store));
      } catch (error) {
        if (!(error instanceof TamperedDataError)) throw error;
        throw new CareError('refused', 'Part of this plan no longer opens, so it cannot be kept as it is. Restore it from a backup.');
      }
      docs.forget(planId);
      return { planId, kept: true as const };
    },
  };
}
