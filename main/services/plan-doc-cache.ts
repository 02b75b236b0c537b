import * as Y from 'yjs';
import { CareError } from '../../shared/contract';
import { checkPlanDocShape } from '../../shared/plan';
import type { CareStore } from '../store/care-store';

/** Root types an update touched: the plan's sections (see shared/plan/plan-layout.ts). */
function rootNameOf(doc: Y.Doc, changed: unknown): string | undefined {
  if (!(changed instanceof Y.AbstractType)) return undefined;
  let root: unknown = changed;
  // Walk up through the items that hold nested types to the root shared type.
  while (root instanceof Y.AbstractType && root._item && root._item.parent instanceof Y.AbstractType) root = root._item.parent;
  for (const [name, shared] of doc.share) if (shared === root) return name;
  return undefined;
}

function describeProblem(problem: { path: readonly (string | number)[]; message: string }): string {
  return `${problem.path.join('/')}: ${problem.message}`;
}

export interface ProbedUpdate {
  sections: string[];
  /** The document with the update applied; becomes the cached doc once stored. */
  next: Y.Doc;
}

/**
 * Main's copy of each open plan's document. An incoming update is applied to a CLONE
 * first: if it fails to decode or apply, the clone is thrown away and neither the cached
 * document nor the store has changed. The clone also tells us which sections changed.
 */
export class PlanDocCache {
  readonly #docs = new Map<string, Y.Doc>();
  readonly #capacity: number;

  constructor(private readonly store: CareStore, capacity = 8) {
    this.#capacity = capacity;
  }

  get(planId: string): Y.Doc {
    const cached = this.#docs.get(planId);
    if (cached) {
      this.#docs.delete(planId);
      this.#docs.set(planId, cached);
      return cached;
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.store.loadPlan(planId).state);
    this.#remember(planId, doc);
    return doc;
  }

  probe(planId: string, update: Uint8Array): ProbedUpdate {
    const current = this.get(planId);
    try {
      Y.decodeUpdate(update);
    } catch {
      throw new CareError('invalid-input', 'That change could not be read; it was not saved.');
    }
    const next = new Y.Doc();
    Y.applyUpdate(next, Y.encodeStateAsUpdate(current));
    const sections = new Set<string>();
    next.on('afterTransaction', (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) {
        const name = rootNameOf(next, type);
        if (name) sections.add(name);
      }
    });
    try {
      Y.applyUpdate(next, update, 'probe');
    } catch {
      next.destroy();
      throw new CareError('invalid-input', 'That change could not be applied to the plan; it was not saved.');
    }
    // A change that breaks the plan's shape (a section replaced by the wrong kind, junk
    // roots, over-long text) is refused whole; problems the plan already had are not ours to judge here.
    const known = new Set(checkPlanDocShape(current).map(describeProblem));
    const introduced = checkPlanDocShape(next).filter((problem) => !known.has(describeProblem(problem)));
    if (introduced.length > 0) {
      next.destroy();
      throw new CareError('invalid-input', `That change does not fit a care plan (${introduced[0]?.message ?? 'wrong shape'}); it was not saved.`);
    }
    return { sections: [...sections].sort(), next };
  }

  accept(planId: string, next: Y.Doc): void {
    const previous = this.#docs.get(planId);
    if (previous && previous !== next) previous.destroy();
    this.#docs.delete(planId);
    this.#remember(planId, next);
  }

  forget(planId: string): void {
    this.#docs.get(planId)?.destroy();
    this.#docs.delete(planId);
  }

  #remember(planId: string, doc: Y.Doc): void {
    this.#docs.set(planId, doc);
    while (this.#docs.size > this.#capacity) {
      const oldest = this.#docs.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
  }
}
