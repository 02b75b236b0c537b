import * as Y from 'yjs';
import { changedRootNames, checkPlanDocScopes, shapeScopesOf, type ChangedTypes } from '../plan/check-plan-doc-scopes';
import { dependenciesPresent, type DecodedStructs } from './dependencies-present';

export type GateVerdict =
  /** Fits the plan. `sections`: the roots it touched; `authors`: the Yjs clients that wrote it. */
  | { ok: true; sections: string[]; authors: ReadonlySet<number> }
  | { ok: false; reason: 'unreadable' | 'cannot-apply' | 'breaks-plan'; detail: string }
  /** Builds on updates not received yet (out-of-order delivery): ask again once they are here. */
  | { ok: false; reason: 'incomplete'; detail: string };

export type AdmitOutcome = 'applied' | 'deferred' | 'refused';

/**
 * The transaction origin for an admitted update, or a function of the update's authors
 * (the Yjs client ids in it) returning one, so the caller need not decode it again.
 */
export type AdmitOrigin = unknown | ((authors: ReadonlySet<number>) => unknown);

interface Deferred {
  update: Uint8Array;
  structs: DecodedStructs;
  origin: AdmitOrigin;
  onRefused: (verdict: GateVerdict) => void;
  since: number;
}

function describe(problem: { path: readonly (string | number)[]; message: string }): string {
  return `${problem.path.join('/')}: ${problem.message}`;
}

/** Deferred updates kept at most this long / this many; anti-entropy resends anything dropped. */
const DEFER_MS = 30_000;
const DEFER_MAX = 200;

/** The mirror's transactions carry this origin, so its listeners know the change is being judged. */
const JUDGING = Symbol('peer-update-gate');

/**
 * Decides whether an update may touch the live plan, BEFORE it does. One gate for the
 * renderer (peer updates in a meeting) and main (every update it is asked to store).
 *
 * The update is decoded once and applied to a MIRROR of the live document; only the parts
 * of the plan the update changed (check-plan-doc-scopes.ts) are shape-checked, on the mirror
 * and on the live document, and only problems the update INTRODUCES count: a plan that
 * already had one (an older file, say) must not make every later change look hostile.
 * Refused = the live document, and therefore the store, never see it.
 *
 * The mirror follows every live update (re-applying a Yjs update is a no-op, and an update
 * the gate itself applied is skipped), so judging costs one decode, one apply and a check
 * of the touched items — independent of the plan's size. Nothing clones the document per
 * update. A refused or half-applied update taints the mirror; it is then rebuilt from the
 * live doc (once, on the next check).
 *
 * Out-of-order delivery (a relayed update overtaking the one it builds on) would leave an
 * honest update half-integrated in Yjs: its deletions applied, its insertions pending, which
 * can look like a missing field. So an update that builds on pieces we do not have yet is
 * not applied at all: it waits here (as Yjs would keep it pending) and is checked and
 * applied once what it builds on has arrived. The shape check therefore always judges a
 * fully integrated plan, and its verdict is final.
 */
export class PeerUpdateGate {
  #mirror: Y.Doc | null = null;
  #deferred: Deferred[] = [];
  /** What the mirror's last judged transaction changed. */
  #changed: ChangedTypes = new Map();
  /** Set while the gate applies an update it has just judged: the mirror already has it. */
  #applying = false;
  readonly #follow = (update: Uint8Array): void => {
    if (this.#applying) {
      // The first update the live doc emits is the judged one, already in the mirror. Any
      // later one (a change an observer makes in response) is followed as usual.
      this.#applying = false;
      return;
    }
    if (!this.#mirror) return;
    try {
      Y.applyUpdate(this.#mirror, update);
    } catch {
      this.#dropMirror();
    }
  };

  constructor(
    private readonly live: Y.Doc,
    private readonly now: () => number = Date.now,
  ) {
    live.on('update', this.#follow);
  }

  get deferredCount(): number {
    return this.#deferred.length;
  }

  /** Checks, then applies to the live doc with `origin` — or defers, or refuses (and says why). */
  admit(update: Uint8Array, origin: AdmitOrigin, onRefused: (verdict: GateVerdict) => void): AdmitOutcome {
    const decoded = decode(update);
    const verdict = decoded ? this.#judge(update, decoded) : unreadable();
    if (verdict.ok) {
      this.#applyJudged(update, resolveOrigin(origin, verdict.authors));
      this.#retryDeferred();
      return 'applied';
    }
    if (verdict.reason === 'incomplete' && decoded) {
      this.#deferred.push({ update, structs: decoded, origin, onRefused, since: this.now() });
      if (this.#deferred.length > DEFER_MAX) this.#deferred.shift();
      return 'deferred';
    }
    onRefused(verdict);
    return 'refused';
  }

  /**
   * Judges an update without touching the live document. After an ok verdict the mirror
   * holds the update: follow with `apply` (or Y.applyUpdate on the live doc), or `resync`
   * if it will not be applied after all (main, when the store refuses to write it).
   */
  check(update: Uint8Array): GateVerdict {
    const decoded = decode(update);
    return decoded ? this.#judge(update, decoded) : unreadable();
  }

  /** Applies an update `check` passed to the live document, without re-applying it to the mirror. */
  apply(update: Uint8Array, origin: unknown): void {
    this.#applyJudged(update, origin);
  }

  /** Forgets the mirror (rebuilt from the live document on the next check). */
  resync(): void {
    this.#dropMirror();
  }

  dispose(): void {
    this.live.off('update', this.#follow);
    this.#dropMirror();
    this.#deferred = [];
  }

  #judge(update: Uint8Array, structs: DecodedStructs): GateVerdict {
    if (!dependenciesPresent(structs, this.live)) {
      return { ok: false, reason: 'incomplete', detail: 'the change builds on changes not received yet' };
    }
    const mirror = this.#mirror ?? this.#buildMirror();
    this.#changed = new Map();
    try {
      Y.applyUpdate(mirror, update, JUDGING);
    } catch {
      this.#dropMirror();
      return { ok: false, reason: 'cannot-apply', detail: 'the change could not be applied to the plan' };
    }
    const changed = this.#changed;
    this.#changed = new Map();
    // Both read the changed types' places BEFORE the check: checking turns placeholder roots into maps.
    const sections = changedRootNames(mirror, changed);
    const scopes = shapeScopesOf(mirror, changed);
    const problems = checkPlanDocScopes(mirror, scopes);
    if (problems.length > 0) {
      const known = new Set(checkPlanDocScopes(this.live, scopes).map(describe));
      const introduced = problems.filter((problem) => !known.has(describe(problem)));
      if (introduced.length > 0) {
        this.#dropMirror();
        return { ok: false, reason: 'breaks-plan', detail: introduced[0]?.message ?? 'the change does not fit a care plan' };
      }
    }
    return { ok: true, sections, authors: new Set(structs.map((struct) => struct.id.client)) };
  }

  #applyJudged(update: Uint8Array, origin: unknown): void {
    this.#applying = true;
    try {
      Y.applyUpdate(this.live, update, origin);
    } finally {
      this.#applying = false;
    }
  }

  #retryDeferred(): void {
    const cutoff = this.now() - DEFER_MS;
    let progress = true;
    while (progress && this.#deferred.length > 0) {
      // Each pass only re-checks updates whose missing pieces have now arrived (cheap clock test).
      progress = false;
      const waiting = this.#deferred.filter((entry) => entry.since >= cutoff);
      this.#deferred = [];
      for (const entry of waiting) {
        const verdict = this.#judge(entry.update, entry.structs);
        if (verdict.ok) {
          this.#applyJudged(entry.update, resolveOrigin(entry.origin, verdict.authors));
          progress = true;
        } else if (verdict.reason === 'incomplete') {
          this.#deferred.push(entry);
        } else {
          entry.onRefused(verdict);
        }
      }
    }
  }

  #buildMirror(): Y.Doc {
    const mirror = new Y.Doc({ gc: this.live.gc });
    Y.applyUpdate(mirror, Y.encodeStateAsUpdate(this.live));
    mirror.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === JUDGING) this.#changed = transaction.changed;
    });
    this.#mirror = mirror;
    return mirror;
  }

  #dropMirror(): void {
    this.#mirror?.destroy();
    this.#mirror = null;
  }
}

function decode(update: Uint8Array): DecodedStructs | null {
  try {
    return Y.decodeUpdate(update).structs;
  } catch {
    return null;
  }
}

function unreadable(): GateVerdict {
  return { ok: false, reason: 'unreadable', detail: 'the change could not be read' };
}

function resolveOrigin(origin: AdmitOrigin, authors: ReadonlySet<number>): unknown {
  return typeof origin === 'function' ? (origin as (authors: ReadonlySet<number>) => unknown)(authors) : origin;
}
