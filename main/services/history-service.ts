import type { HistoryEntry, HistoryGroup } from '../../shared/contract';
import { fieldPathWords } from '../../shared/plan/field-path-words';
import type { CarePlanSnapshot } from '../../shared/plan/plan-snapshot';
import { isPlanSectionKey } from '../../shared/plan/plan-schema';
import { readPlanSnapshotFromState } from '../../shared/plan/read-plan-snapshot';
import { sectionTitle } from '../../shared/plan/section-titles';
import type { AuditEvent } from '../store/audit-log';
import type { CareStore } from '../store/care-store';
import { PlanNotFoundError } from '../store/plan-records';
import type { HandlerSlice } from './handler-table';
import { continues, openGroup, toHistoryGroup, type OpenGroup } from './history-groups';

/** Raw audit rows read per step while filling a page: bounded memory whatever the history's length. */
const RAW_BATCH = 500;

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
  };
}

/** Every raw audit row of a plan, newest first, read in bounded batches. */
function* rawEvents(store: CareStore, planId: string, before: number | undefined): Generator<AuditEvent> {
  let cursor = before;
  for (;;) {
    const batch = store.auditTrail(planId, RAW_BATCH, cursor);
    yield* batch;
    const last = batch.at(-1);
    if (batch.length < RAW_BATCH || !last) return;
    cursor = last.id;
  }
}

interface PageQuery {
  planId: string;
  before?: number | undefined;
  pageSize: number;
  person?: string | undefined;
  section?: string | undefined;
}

/**
 * One page of the readable history: raw rows are read newest first, filtered, and folded
 * into entries (one person, one field, a few minutes); the page ends only where the next
 * row would start a new entry, so an entry is never split across pages.
 */
export function readHistoryPage(store: CareStore, query: PageQuery): { entries: HistoryGroup[]; before: number | null; people: string[] } {
  const { planId, pageSize, person, section } = query;
  let plan: CarePlanSnapshot | null | undefined;
  const fieldWords = (path: string) => {
    if (plan === undefined) plan = readPlanSnapshotFromState(store.loadPlan(planId).state);
    return fieldPathWords(path, plan);
  };
  const matches = (event: AuditEvent) => (!person || event.actor.name === person) && (!section || event.sections.includes(section));
  const groups: OpenGroup[] = [];
  let before: number | null = null;
  for (const event of rawEvents(store, planId, query.before)) {
    if (!matches(event)) continue;
    const last = groups.at(-1);
    if (last && continues(last, event)) {
      last.oldest = event;
      last.count += 1;
      continue;
    }
    if (groups.length === pageSize) {
      before = event.id + 1; // the next page starts with this row
      break;
    }
    groups.push(openGroup(event));
  }
  const people = new Set<string>();
  if (query.before === undefined) for (const event of rawEvents(store, planId, undefined)) people.add(event.actor.name);
  return {
    entries: groups.map((group) => toHistoryGroup(group, titleOf, fieldWords)),
    before,
    people: [...people].sort((a, b) => a.localeCompare(b)),
  };
}

/** "Who changed this, and when?": the plan's audit trail in plain terms, newest first. */
export function createHistoryHandlers(store: CareStore): HandlerSlice<'getPlanHistory' | 'getHistoryPage'> {
  const requirePlan = (planId: string) => {
    // An unknown plan is "not found", not an empty history that hides a typo.
    if (!store.hasPlan(planId)) throw new PlanNotFoundError(planId);
  };
  return {
    getPlanHistory: ({ planId, limit }) => {
      requirePlan(planId);
      return store.auditTrail(planId, limit).map(toHistoryEntry);
    },
    getHistoryPage: (query) => {
      requirePlan(query.planId);
      return readHistoryPage(store, query);
    },
  };
}
