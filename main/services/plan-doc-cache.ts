import * as Y from 'yjs';
import { CareError } from '../../shared/contract';
import { PeerUpdateGate, type GateVerdict } from '../../shared/sync/peer-update-gate';
import type { CareStore } from '../store/care-store';

interface OpenPlan {
  doc: Y.Doc;
  gate: PeerUpdateGate;
}

/** Main's transaction origin when it applies an update it has stored. */
const STORED = Symbol('stored');

function refusal(verdict: Exclude<GateVerdict, { ok: true }>): CareError {
  switch (verdict.reason) {
    case 'unreadable':
      return new CareError('invalid-input', 'That change could not be read; it was not saved.');
    case 'cannot-apply':
      return new CareError('invalid-input', 'That change could not be applied to the plan; it was not saved.');
    case 'incomplete':
      // Only after an earlier change was refused: what this one builds on is not on this machine.
      return new CareError('invalid-input', 'That change builds on changes this machine does not have; it was not saved.');
    case 'breaks-plan':
      return new CareError('invalid-input', `That change does not fit a care plan (${verdict.detail}); it was not saved.`);
  }
}

/**
 * Main's copy of each open plan's document, each with the same PeerUpdateGate the
 * renderer uses (shared/sync). An incoming update is judged on the gate's mirror — decode
 * once, apply once, check only what it touched — so accepting a keystroke costs the same
 * in a 300-action plan as in Jill's (style.md rule 13). If it is refused, neither the
 * cached document nor the store has changed; if the store then fails to write it, the
 * mirror is resynced and the cached document is untouched.
 */
export class PlanDocCache {
  readonly #plans = new Map<string, OpenPlan>();
  readonly #capacity: number;

  constructor(private readonly store: CareStore, capacity = 8) {
    this.#capacity = capacity;
  }

  get(planId: string): Y.Doc {
    return this.#open(planId).doc;
  }

  /**
   * Judge the update, store it with `write` (given the sections it touched), then let the
   * cached document follow: the one sequence every writer of updates uses. Throws a
   * CareError, having changed nothing, if the update may not be stored.
   */
  checkAndStore<T>(planId: string, update: Uint8Array, write: (sections: string[]) => T): { result: T; sections: string[] } {
    const { gate } = this.#open(planId);
    const verdict = gate.check(update);
    if (!verdict.ok) throw refusal(verdict);
    let result: T;
    try {
      result = write(verdict.sections);
    } catch (error) {
      // Not stored: the mirror, which already has the update, is rebuilt on the next check.
      gate.resync();
      throw error;
    }
    // Durable: the cached document follows it (the mirror has it already).
    gate.apply(update, STORED);
    return { result, sections: verdict.sections };
  }

  forget(planId: string): void {
    const plan = this.#plans.get(planId);
    if (!plan) return;
    plan.gate.dispose();
    plan.doc.destroy();
    this.#plans.delete(planId);
  }

  #open(planId: string): OpenPlan {
    const cached = this.#plans.get(planId);
    if (cached) {
      this.#plans.delete(planId);
      this.#plans.set(planId, cached);
      return cached;
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.store.loadPlan(planId).state);
    const plan = { doc, gate: new PeerUpdateGate(doc) };
    this.#plans.set(planId, plan);
    while (this.#plans.size > this.#capacity) {
      const oldest = this.#plans.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
    return plan;
  }
}
