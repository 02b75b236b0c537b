import * as Y from 'yjs';
import { readPlanSnapshot } from '../plan/read-plan-snapshot';
import { describeRemoval, isLargeRemoval, summariseRemoval } from './removal-summary';

/**
 * Would this update, from someone else, remove a large part of the plan? One measure for
 * every way a change arrives — a meeting peer (renderer/sync/meeting/removal-hold.ts) and
 * the practice server (main/relay/relay-removal-hold.ts) — so both hold the same changes
 * and describe them in the same words.
 *
 * Cheap for ordinary typing: only an update whose delete set is large enough to matter
 * (several ranges, or many characters) is measured, on a copy of the plan.
 */
const PREFILTER_RANGES = 3;
const PREFILTER_LENGTH = 200;

function deletedSpan(update: Uint8Array): { ranges: number; length: number } {
  let ranges = 0;
  let length = 0;
  for (const items of Y.decodeUpdate(update).ds.clients.values()) {
    for (const item of items) {
      ranges += 1;
      length += item.len;
    }
  }
  return { ranges, length };
}

/** The plain description ("Tom Reid’s change would remove 3 items from Goals …") when large; null otherwise or when unreadable (the gate refuses those). */
export function describeLargeRemoval(live: Y.Doc, update: Uint8Array, who: string): string | null {
  let span: { ranges: number; length: number };
  try {
    span = deletedSpan(update);
  } catch {
    return null;
  }
  if (span.ranges < PREFILTER_RANGES && span.length < PREFILTER_LENGTH) return null;
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
    const before = readPlanSnapshot(copy);
    Y.applyUpdate(copy, update);
    const summary = summariseRemoval(before, readPlanSnapshot(copy));
    return isLargeRemoval(summary) ? describeRemoval(who, summary) : null;
  } catch {
    return null;
  } finally {
    copy.destroy();
  }
}
