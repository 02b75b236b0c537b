import * as Y from 'yjs';
import { CareError, type CareApi, type UpdateOrigin } from '../../shared/contract';
import { encodeUpdate } from './update-encoding';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'saving'; pending: number }
  | { kind: 'retrying'; pending: number; message: string }
  | { kind: 'rejected'; message: string };

interface QueuedUpdate {
  update: Uint8Array;
  origin: UpdateOrigin;
}

/** The origin key Yjs transactions use when an update came from loading the stored plan. */
export const LOAD_ORIGIN = Symbol('loaded-from-store');

const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 5000];

/** Merged only when recorded alike: same peer and verification, or the same local action (a restore stays a restore). */
function sameOrigin(a: UpdateOrigin, b: UpdateOrigin): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Sends every change of the plan's Y.Doc to main, in order, one call at a time, and says
 * honestly whether everything is saved. Changes queued while a call is in flight are
 * merged into one update per origin; a failed call is retried, never dropped, unless
 * main refuses the change itself (then the user is told).
 */
export class PlanPersistence {
  readonly #queue: QueuedUpdate[] = [];
  #inFlight = false;
  #attempt = 0;
  #status: SaveStatus = { kind: 'saved' };
  readonly #listeners = new Set<(status: SaveStatus) => void>();
  readonly #onUpdate: (update: Uint8Array, origin: unknown) => void;

  constructor(
    private readonly api: CareApi,
    private readonly planId: string,
    private readonly doc: Y.Doc,
    originOf: (transactionOrigin: unknown) => UpdateOrigin | null,
  ) {
    this.#onUpdate = (update, transactionOrigin) => {
      const origin = originOf(transactionOrigin);
      if (origin) this.enqueue(update, origin);
    };
    doc.on('update', this.#onUpdate);
  }

  get status(): SaveStatus {
    return this.#status;
  }

  get pendingCount(): number {
    return this.#queue.length + (this.#inFlight ? 1 : 0);
  }

  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  enqueue(update: Uint8Array, origin: UpdateOrigin): void {
    const last = this.#queue.at(-1);
    if (last && sameOrigin(last.origin, origin)) last.update = Y.mergeUpdates([last.update, update]);
    else this.#queue.push({ update, origin });
    this.#setStatus({ kind: 'saving', pending: this.pendingCount });
    void this.#flush();
  }

  /** Resolves when everything queued so far is committed (or refused). */
  async whenSaved(): Promise<void> {
    while (this.pendingCount > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  dispose(): void {
    this.doc.off('update', this.#onUpdate);
  }

  async #flush(): Promise<void> {
    if (this.#inFlight) return;
    const next = this.#queue.shift();
    if (!next) {
      this.#setStatus({ kind: 'saved' });
      return;
    }
    this.#inFlight = true;
    try {
      await this.api.appendUpdate({ planId: this.planId, update: encodeUpdate(next.update), origin: next.origin });
      this.#attempt = 0;
      this.#inFlight = false;
    } catch (error) {
      this.#inFlight = false;
      if (error instanceof CareError && (error.code === 'invalid-input' || error.code === 'refused')) {
        this.#setStatus({ kind: 'rejected', message: error.message });
      } else {
        this.#queue.unshift(next);
        const delay = RETRY_DELAYS_MS[Math.min(this.#attempt, RETRY_DELAYS_MS.length - 1)] ?? 5000;
        this.#attempt += 1;
        this.#setStatus({ kind: 'retrying', pending: this.pendingCount, message: (error as Error).message });
        setTimeout(() => void this.#flush(), delay);
        return;
      }
    }
    void this.#flush();
  }

  #setStatus(status: SaveStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}
