import type { HistoryEntry } from '../../shared/contract';
import { isPlanSectionKey } from '../../shared/plan/plan-schema';
import { sectionTitle } from '../../shared/plan/section-titles';
import type { AuditEvent } from '../store/audit-log';
import type { CareStore } from '../store/care-store';
import { PlanNotFoundError } from '../store/plan-records';
import type { HandlerSlice } from './handler-table';

/** Roots that are not sections people see still need a readable name in the history. */
function titleOf(key: string): string {
  if (isPlanSectionKey(key)) return sectionTitle(key);
  if (key === 'meta') return 'Plan details';
  return key;
}

export function toHistoryEntry(event: AuditEvent): HistoryEntry {
  return {
    at: event.at,
    action: event.action,
    origin: event.origin,
    sections: event.sections.map((key) => ({ key, title: titleOf(key) })),
    actorName: event.actor.name,
    actorRole: event.actor.role,
    actorOrganisation: event.actor.organisation,
    ...(event.actor.peerId ? { peerId: event.actor.peerId } : {}),
    ...(event.actor.verifiedKey ? { verifiedKey: event.actor.verifiedKey, signedBy: event.actor.signedBy ?? 'deliverer' } : {}),
  };
}

/** "Who changed this, and when?": the plan's audit trail in plain terms, newest first. */
export function createHistoryHandlers(store: CareStore): HandlerSlice<'getPlanHistory'> {
  return {
    getPlanHistory: ({ planId, limit }) => {
      // An unknown plan is "not found", not an empty history that hides a typo.
      if (!store.hasPlan(planId)) throw new PlanNotFoundError(planId);
      return store.auditTrail(planId, limit).map(toHistoryEntry);
    },
  };
}
