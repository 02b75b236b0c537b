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
import { continues, openGroup, removesSomething, toHistoryGroup, type OpenGroup } from './history-groups';

/** Raw audit rows read per step while filling a page grow from the page size up to this: bounded memory whatever the history's length. */
const RAW_BATCH_MAX = 1000;

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

/**
 * Every raw audit row of a plan, newest first, read in batches that start small (a page
 * usually needs little more than its own size: each row's actor is decrypted) and double.
 */
function* rawEvents(store: CareStore, planId: string, before: number | undefined, firstBatch: number): Generator<AuditEvent> {
  let cursor = before;
  let size = Math.min(firstBatch, RAW_BATCH_MAX);
  for (;;) {
    const batch = store.auditTrail(planId, size, cursor);
    yield* batch;
    const last = batch.at(-1);
    if (batch.length < size || !last) return;
    cursor = last.id;
    size = Math.min(size * 2, RAW_BATCH_MAX);
  }
}

/**
 * Everyone in a plan's history, for the person filter: read once, then only the rows added
 * since (audit rows are append-only, so what was read stays true).
 */
export class HistoryPeople {
  readonly #known = new Map<string, { newestId: number; names: Set<string> }>();

  constructor(private readonly store: CareStore) {}

  of(planId: string): string[] {
    const known = this.#known.get(planId) ?? { newestId: 0, names: new Set<string>() };
    let newest = known.newestId;
    // Start small: usually only a few rows are new since the last look.
    for (const event of rawEvents(this.store, planId, undefined, 16)) {
      if (event.id <= known.newestId) break;
      newest = Math.max(newest, event.id);
      known.names.add(event.actor.name);
    }
    known.newestId = newest;
    this.#known.set(planId, known);
    return [...known.names].sort((a, b) => a.localeCompare(b));
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
export function readHistoryPage(store: CareStore, query: PageQuery, people: HistoryPeople = new HistoryPeople(store)): { entries: HistoryGroup[]; before: number | null; people: string[] } {
  const { planId, pageSize, person, section } = query;
  let plan: CarePlanSnapshot | null | undefined;
  const fieldWords = (path: string) => {
    if (!path) return null;
    if (plan === undefined) plan = readPlanSnapshotFromState(store.loadPlan(planId).state);
    return fieldPathWords(path, plan);
  };
  const matches = (event: AuditEvent) => (!person || event.actor.name === person) && (!section || event.sections.includes(section));
  const groups: OpenGroup[] = [];
  let before: number | null = null;
  for (const event of rawEvents(store, planId, query.before, pageSize + 1)) {
    if (!matches(event)) continue;
    const last = groups.at(-1);
    if (last && continues(last, event)) {
      last.oldest = event;
      last.count += 1;
      last.removes ||= removesSomething(event);
      continue;
    }
    if (groups.length === pageSize) {
      before = event.id + 1; // the next page starts with this row
      break;
    }
    groups.push(openGroup(event));
  }
  return {
    entries: groups.map((group) => toHistoryGroup(group, titleOf, fieldWords)),
    before,
    // Only the first page carries the list (the filter is built from it once).
    people: query.before === undefined ? people.of(planId) : [],
  };
}

/** "Who changed this, and when?": the plan's audit trail in plain terms, newest first. */
export function createHistoryHandlers(store: CareStore): HandlerSlice<'getPlanHistory' | 'getHistoryPage'> {
  const people = new HistoryPeople(store);
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
      return readHistoryPage(store, query, people);
    },
  };
}
