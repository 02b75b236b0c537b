import * as Y from 'yjs';
import { checkPlanDocShape } from '../../../shared/plan';

export type GateVerdict =
  | { ok: true }
  | { ok: false; reason: 'unreadable' | 'cannot-apply' | 'breaks-plan'; detail: string };

function describe(problem: { path: readonly (string | number)[]; message: string }): string {
  return `${problem.path.join('/')}: ${problem.message}`;
}

/**
 * Decides whether a peer's update may touch the live plan, BEFORE it does: the update is
 * decoded, applied to a MIRROR of the live document, and the mirror's shape checked
 * (shared/plan checkPlanDocShape, as main does on its own clone). Refused = the live
 * document, and therefore the store, never see it.
 *
 * The mirror follows every live update (re-applying a Yjs update is a no-op), so checking
 * costs one apply plus one shape walk instead of copying the whole plan per update. A
 * refused or half-applied update taints the mirror; it is then rebuilt from the live doc.
 */
export class PeerUpdateGate {
  #mirror: Y.Doc | null = null;
  readonly #follow = (update: Uint8Array): void => {
    if (!this.#mirror) return;
    try {
      Y.applyUpdate(this.#mirror, update);
    } catch {
      this.#dropMirror();
    }
  };

  constructor(private readonly live: Y.Doc) {
    live.on('update', this.#follow);
  }

  check(update: Uint8Array): GateVerdict {
    try {
      Y.decodeUpdate(update);
    } catch {
      return { ok: false, reason: 'unreadable', detail: 'the change could not be read' };
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
