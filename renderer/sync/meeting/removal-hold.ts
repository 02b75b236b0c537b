import * as Y from 'yjs';
import { describeRemoval, isLargeRemoval, summariseRemoval } from '../../../shared/plan-diff';
import { readPlanSnapshot } from '../../../shared/plan';

/**
 * Large removals are held, not applied: a peer's change that would take away a section's
 * worth of text or several items waits for the local user to accept or refuse it, with a
 * plain description. Nothing of it touches the live document (or the store) until then.
 *
 * Cheap for ordinary typing: only an update whose delete set is large enough to matter
 * (several ranges, or many characters) is measured, on a copy of the plan.
 */
export interface HeldRemoval {
  readonly key: string;
  readonly fromPeerId: string;
  readonly fromName: string;
  readonly description: string;
  /** The latest update that carries it (a resync repeats it in a larger update). */
  update: Uint8Array;
  origin: unknown;
}

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

export type HoldDecision = { kind: 'pass' } | { kind: 'held'; removal: HeldRemoval; isNew: boolean } | { kind: 'refused-before' };

export class RemovalHold {
  readonly #held = new Map<string, HeldRemoval>();
  readonly #refused = new Set<string>();

  constructor(private readonly live: Y.Doc) {}

  get held(): readonly HeldRemoval[] {
    return [...this.#held.values()];
  }

  /** Decides before the update is applied; `pass` = not a large removal, go on as usual. */
  consider(update: Uint8Array, origin: unknown, from: { peerId: string; name: string }): HoldDecision {
    let span: { ranges: number; length: number };
    try {
      span = deletedSpan(update);
    } catch {
      return { kind: 'pass' }; // unreadable: the gate refuses it
    }
    if (span.ranges < PREFILTER_RANGES && span.length < PREFILTER_LENGTH) return { kind: 'pass' };
    const copy = new Y.Doc({ gc: false });
    let description: string;
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.live));
      const before = readPlanSnapshot(copy);
      Y.applyUpdate(copy, update);
      const summary = summariseRemoval(before, readPlanSnapshot(copy));
      if (!isLargeRemoval(summary)) return { kind: 'pass' };
      description = describeRemoval(from.name, summary);
    } catch {
      return { kind: 'pass' }; // not a readable plan after it: the gate refuses it
    } finally {
      copy.destroy();
    }
    const key = `${from.peerId}:${description}`;
    if (this.#refused.has(key)) return { kind: 'refused-before' };
    const existing = this.#held.get(key);
    if (existing) {
      existing.update = update;
      existing.origin = origin;
      return { kind: 'held', removal: existing, isNew: false };
    }
    const removal: HeldRemoval = { key, fromPeerId: from.peerId, fromName: from.name, description, update, origin };
    this.#held.set(key, removal);
    return { kind: 'held', removal, isNew: true };
  }

  /** Takes a held removal out to apply it (accepted). */
  take(key: string): HeldRemoval | undefined {
    const removal = this.#held.get(key);
    this.#held.delete(key);
    return removal;
  }

  /** Refused: forgotten, and the same removal from the same peer is not asked about again. */
  refuse(key: string): HeldRemoval | undefined {
    const removal = this.take(key);
    if (removal) this.#refused.add(key);
    return removal;
  }
}
