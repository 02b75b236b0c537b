import * as Y from 'yjs';
import { describeLargeRemoval } from '../../shared/plan-diff';
import { readPlanSnapshot } from '../../shared/plan';
import { restorePlanSnapshot } from '../../shared/plan/restore-plan-snapshot';
import type { PlanDocCache } from '../services/plan-doc-cache';
import type { AuditActor } from '../store/audit-log';
import type { CareStore } from '../store/care-store';

/**
 * Large removals from the practice server are held, not applied — the same rule and the
 * same words as a meeting peer's (shared/plan-diff/measure-removal.ts): a change that
 * would remove 3+ items, empty 3+ fields or take 1,000+ characters is neither stored nor
 * shown in the open plan until the local user accepts or refuses it.
 *
 * One held change per plan: every sync round the relay offers everything this machine
 * lacks, so the newest offer carries the removal (and whatever else arrived with it) and
 * replaces the previous one. Nothing needs to survive a restart: the relay offers it again.
 *
 * Refusing does not leave this machine forever out of step with the practice (the relay
 * would offer the removal on every round): the removal is taken in and, in the same
 * transaction, the plan is restored forward to what it said before it — one new change by
 * this machine's user — which then goes up to the relay, so the practice copy and every
 * other member's come back too. Nothing of it reaches the open plan in between.
 */
export interface RelayHeldRemoval {
  readonly planId: string;
  readonly description: string;
  readonly update: Uint8Array;
  readonly actor: AuditActor;
}

export class RelayRemovalHold {
  readonly #held = new Map<string, RelayHeldRemoval>();

  /** True when the update is held (not to be applied now). */
  consider(docs: PlanDocCache, planId: string, update: Uint8Array, actor: AuditActor): boolean {
    const who = actor.peerId === 'relay' ? 'The practice server' : actor.name;
    const live = docs.get(planId);
    // Every round the relay's offer repeats the plan's whole delete set; when it holds nothing
    // this machine lacks (the usual case) there is nothing to measure, and no copy is made.
    const description = Y.snapshotContainsUpdate(Y.snapshot(live), update) ? null : describeLargeRemoval(live, update, who);
    if (description === null) {
      // The removal is gone from what the relay offers (accepted or restored elsewhere).
      this.#held.delete(planId);
      return false;
    }
    this.#held.set(planId, { planId, description, update, actor });
    return true;
  }

  list(planId?: string): RelayHeldRemoval[] {
    return [...this.#held.values()].filter((held) => planId === undefined || held.planId === planId);
  }

  take(planId: string): RelayHeldRemoval | undefined {
    const held = this.#held.get(planId);
    this.#held.delete(planId);
    return held;
  }
}

function storeFromRelay(store: CareStore, docs: PlanDocCache, held: RelayHeldRemoval): void {
  docs.checkAndStore(held.planId, held.update, (sections) => store.appendUpdate({ planId: held.planId, update: held.update, origin: 'peer', actor: held.actor, sections }));
}

/** Accepted: the held change goes through the gate and into the store like any change from the relay. */
export function acceptHeldRemoval(store: CareStore, docs: PlanDocCache, held: RelayHeldRemoval): void {
  store.database.transaction(() => storeFromRelay(store, docs, held))();
}

/**
 * Refused: the plan keeps what it said. The removal is stored (attributed to whoever sent
 * it, so History shows it) and the plan restored forward in the same transaction, so no
 * reader of the store ever sees the plan without the removed words.
 */
export function refuseHeldRemoval(store: CareStore, docs: PlanDocCache, held: RelayHeldRemoval, by: AuditActor, at: string): void {
  const before = readPlanSnapshot(docs.get(held.planId));
  try {
    store.database.transaction(() => {
      storeFromRelay(store, docs, held);
      const live = docs.get(held.planId);
      const copy = new Y.Doc();
      try {
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
        const vector = Y.encodeStateVector(copy);
        restorePlanSnapshot(copy, before, { by: by.name, at });
        const restore = Y.encodeStateAsUpdate(copy, vector);
        docs.checkAndStore(held.planId, restore, (sections) => store.appendUpdate({ planId: held.planId, update: restore, origin: 'local', actor: by, sections }));
      } finally {
        copy.destroy();
      }
    })();
  } catch (error) {
    // Rolled back: main's cached copy may have followed the first half, so it is rebuilt from the store.
    docs.forget(held.planId);
    throw error;
  }
}
