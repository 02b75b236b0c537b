import * as Y from 'yjs';
import { checkPlanDocShape } from '../../../shared/plan';

export type GateVerdict =
  | { ok: true }
  | { ok: false; reason: 'unreadable' | 'cannot-apply' | 'breaks-plan'; detail: string }
  /** Builds on updates not received yet (out-of-order delivery): ask again once they are here. */
  | { ok: false; reason: 'incomplete'; detail: string };

export type AdmitOutcome = 'applied' | 'deferred' | 'refused';

interface Deferred {
  update: Uint8Array;
  structs: ReturnType<typeof Y.decodeUpdate>['structs'];
  origin: unknown;
  onRefused: (verdict: GateVerdict) => void;
  since: number;
}

function describe(problem: { path: readonly (string | number)[]; message: string }): string {
  return `${problem.path.join('/')}: ${problem.message}`;
}

/** Deferred updates kept at most this long / this many; anti-entropy resends anything dropped. */
const DEFER_MS = 30_000;
const DEFER_MAX = 200;

/**
 * Decides whether a peer's update may touch the live plan, BEFORE it does: the update is
 * decoded, applied to a MIRROR of the live document, and the mirror's shape checked
 * (shared/plan checkPlanDocShape, as main does on its own clone). Refused = the live
 * document, and therefore the store, never see it.
 *
 * The mirror follows every live update (re-applying a Yjs update is a no-op), so checking
 * costs one apply plus one shape walk instead of copying the whole plan per update. A
 * refused or half-applied update taints the mirror; it is then rebuilt from the live doc.
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
  readonly #follow = (update: Uint8Array): void => {
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
  admit(update: Uint8Array, origin: unknown, onRefused: (verdict: GateVerdict) => void): AdmitOutcome {
    const verdict = this.check(update);
    if (verdict.ok) {
      Y.applyUpdate(this.live, update, origin);
      this.#retryDeferred();
      return 'applied';
    }
    if (verdict.reason === 'incomplete') {
      this.#deferred.push({ update, structs: Y.decodeUpdate(update).structs, origin, onRefused, since: this.now() });
      if (this.#deferred.length > DEFER_MAX) this.#deferred.shift();
      return 'deferred';
    }
    onRefused(verdict);
    return 'refused';
  }

  check(update: Uint8Array): GateVerdict {
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      return { ok: false, reason: 'unreadable', detail: 'the change could not be read' };
    }
    if (!dependenciesPresent(decoded.structs, Y.decodeStateVector(Y.encodeStateVector(this.live)))) {
      return { ok: false, reason: 'incomplete', detail: 'the change builds on changes not received yet' };
    }
    const mirror = this.#mirror ?? this.#buildMirror();
    try {
      Y.applyUpdate(mirror, update, 'peer-update-gate');
    } catch {
      this.#dropMirror();
      return { ok: false, reason: 'cannot-apply', detail: 'the change could not be applied to the plan' };
    }
    const problems = checkPlanDocShape(mirror);
    if (problems.length > 0) {
      // Only problems this update INTRODUCES count: a plan that already had one (an older
      // file, say) must not make every later change look hostile.
      const known = new Set(checkPlanDocShape(this.live).map(describe));
      const introduced = problems.filter((problem) => !known.has(describe(problem)));
      if (introduced.length > 0) {
        this.#dropMirror();
        return { ok: false, reason: 'breaks-plan', detail: introduced[0]?.message ?? 'the change does not fit a care plan' };
      }
    }
    return { ok: true };
  }

  dispose(): void {
    this.live.off('update', this.#follow);
    this.#dropMirror();
    this.#deferred = [];
  }

  #retryDeferred(): void {
    const cutoff = this.now() - DEFER_MS;
    let progress = true;
    while (progress && this.#deferred.length > 0) {
      // Each pass only re-checks updates whose missing pieces have now arrived (cheap state-vector test).
      progress = false;
      const waiting = this.#deferred.filter((entry) => entry.since >= cutoff);
      this.#deferred = [];
      const known = Y.decodeStateVector(Y.encodeStateVector(this.live));
      for (const entry of waiting) {
        if (!dependenciesPresent(entry.structs, known)) {
          this.#deferred.push(entry);
          continue;
        }
        const verdict = this.check(entry.update);
        if (verdict.ok) {
          Y.applyUpdate(this.live, entry.update, entry.origin);
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
    this.#mirror = mirror;
    return mirror;
  }

  #dropMirror(): void {
    this.#mirror?.destroy();
    this.#mirror = null;
  }
}

type Structs = ReturnType<typeof Y.decodeUpdate>['structs'];

/**
 * Would Yjs integrate these structs completely on a document whose state vector is
 * `known`? Each client's first struct must continue where we are (no gap), and every item
 * must hang off things we have or that arrive in the same update.
 */
export function dependenciesPresent(structs: Structs, known: Map<number, number>): boolean {
  const inUpdate = new Map<number, { from: number; to: number }>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    if (struct instanceof Y.Skip) return false;
    const range = inUpdate.get(client);
    if (!range) inUpdate.set(client, { from: clock, to: clock + struct.length });
    else range.to = Math.max(range.to, clock + struct.length);
  }
  for (const [client, range] of inUpdate) if (range.from > (known.get(client) ?? 0)) return false;
  const have = (id: Y.ID | null): boolean => {
    if (id === null) return true;
    if ((known.get(id.client) ?? 0) > id.clock) return true;
    const range = inUpdate.get(id.client);
    return range !== undefined && id.clock >= range.from && id.clock < range.to;
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!have(struct.origin) || !have(struct.rightOrigin)) return false;
    if (struct.parent instanceof Y.ID && !have(struct.parent)) return false;
  }
  return true;
}
