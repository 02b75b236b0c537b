import type * as Y from 'yjs';
import { describeLargeRemoval } from '../../../shared/plan-diff';

/**
 * Large removals are held, not applied: a peer's change that would take away a section's
 * worth of text or several items waits for the local user to accept or refuse it, with a
 * plain description. Nothing of it touches the live document (or the store) until then.
 * The measure is shared with the practice server's hold (shared/plan-diff/measure-removal.ts).
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
    const description = describeLargeRemoval(this.live, update, from.name);
    if (description === null) return { kind: 'pass' };
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
