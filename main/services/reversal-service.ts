import { CareError, type ReversalRequest, type ReversedChangesInfo } from '../../shared/contract';
import { reverseChanges, type RecordedChange } from '../../shared/plan/reverse-changes';
import type { AuditEvent } from '../store/audit-log';
import type { CareStore } from '../store/care-store';
import { PlanNotFoundError } from '../store/plan-records';
import type { HandlerSlice } from './handler-table';
import { groupKey } from './history-groups';

/**
 * Does this history row belong to the changes being reversed? For an entry: the rows in its
 * range that the History grouped with its newest row (a page filtered by section can fold
 * an entry over rows of the same person to other fields; those are not part of it).
 */
function selects(request: ReversalRequest, event: AuditEvent, entryKey: string | null): boolean {
  if (event.actor.name !== request.person) return false;
  if (request.kind === 'since') return Date.parse(event.at) >= Date.parse(request.since);
  if (event.id < request.fromId || event.id > request.toId) return false;
  return event.id === request.toId || (entryKey !== null && groupKey(event) === entryKey);
}

/**
 * The plan's stored changes, oldest first, each with its own update bytes from the sealed
 * audit detail (the live state is garbage-collected by compaction, so it cannot be used).
 * The audit chain has been verified when the store opened, so these are the changes made.
 */
export function recordedChanges(store: CareStore, planId: string, request: ReversalRequest): RecordedChange[] {
  const events = store.auditTrail(planId, Number.MAX_SAFE_INTEGER).reverse();
  const newest = request.kind === 'entry' ? events.find((event) => event.id === request.toId) : undefined;
  const entryKey = newest ? groupKey(newest) : null;
  const changes: RecordedChange[] = [];
  for (const event of events) {
    if (event.seq === null) continue; // renames, exports, agreements: no change to the document
    const update = event.detail?.update;
    if (update === undefined) {
      throw new CareError(
        'conflict',
        'This plan has changes saved by an older version of CareHouse, which did not keep what is needed to undo them. Restore an agreed version instead.',
      );
    }
    changes.push({ update: new Uint8Array(Buffer.from(update, 'base64')), reverse: selects(request, event, entryKey) });
  }
  return changes;
}

/** "Undo this person's changes since …" and "Bring back": the one forward change, for the open plan to apply. */
export function prepareReversal(store: CareStore, planId: string, request: ReversalRequest): { update: string | null; reversed: ReversedChangesInfo } {
  if (!store.hasPlan(planId)) throw new PlanNotFoundError(planId);
  const changes = recordedChanges(store, planId, request);
  const update = reverseChanges(changes);
  const reversed: ReversedChangesInfo =
    request.kind === 'since'
      ? { person: request.person, since: request.since }
      : { person: request.person, fromId: request.fromId, toId: request.toId, ...entryTime(store, planId, request.toId) };
  return { update: update === null ? null : Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('base64'), reversed };
}

function entryTime(store: CareStore, planId: string, id: number): { at?: string } {
  const [event] = store.auditTrail(planId, 1, id + 1);
  return event && event.id === id ? { at: event.at } : {};
}

export function createReversalHandlers(store: CareStore): HandlerSlice<'prepareReversal'> {
  return { prepareReversal: ({ planId, reversal }) => prepareReversal(store, planId, reversal) };
}
