import { logEvent } from '../logging/log';
import type { PlanDocCache } from '../services/plan-doc-cache';
import type { CareStore } from '../store/care-store';
import type { RelayStatus } from '../../shared/contract';
import { RelayRefusedError, RelayUnreachableError } from './relay-client';
import { readRelayLink } from './relay-link-record';
import { RelayRemovalHold } from './relay-removal-hold';
import { syncPlansOnce } from './sync-plans-once';

/**
 * While the app runs on an enrolled machine: sync every plan with the practice server
 * shortly after each local change and every few seconds otherwise (to pick up others'
 * changes and new plans). One round at a time; a failed round only changes the status
 * ("offline — will sync") — the edits are safe in the local store and go up next round.
 *
 * Each round is a full `syncPlansOnce` (one socket, every plan's state vector). That is
 * simple and always right, and cheap for a practice's few hundred plans; keeping a
 * provider open per plan would cut the per-round cost for very large practices.
 */
const IDLE_INTERVAL_MS = 5_000;
const AFTER_CHANGE_MS = 300;

export class RelayLiveSync {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  #state: RelayStatus['state'] = 'not-connected';
  /** Large removals from the relay waiting for the user (relay-removal-hold.ts). */
  readonly hold = new RelayRemovalHold();

  constructor(
    private readonly store: CareStore,
    private readonly docs: PlanDocCache,
    private readonly intervalMs = IDLE_INTERVAL_MS,
  ) {}

  status(): RelayStatus {
    const link = readRelayLink(this.store.database);
    if (!link) return { state: 'not-connected', relayUrl: null, lastSyncedAt: null };
    return { state: this.#state === 'not-connected' ? 'syncing' : this.#state, relayUrl: link.urls.join(','), lastSyncedAt: link.lastSyncedAt };
  }

  /** Starts the loop if this machine is enrolled (safe to call again, e.g. after connecting). */
  start(): void {
    if (this.#stopped || !readRelayLink(this.store.database)) return;
    this.#schedule(0);
  }

  /** A local change was stored: send it soon. */
  nudge(): void {
    if (this.#timer || this.#running) {
      this.#again = true;
      if (this.#timer && !this.#running) this.#schedule(AFTER_CHANGE_MS);
      return;
    }
    if (readRelayLink(this.store.database)) this.#schedule(AFTER_CHANGE_MS);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#running = this.#round().finally(() => {
        this.#running = undefined;
        const again = this.#again;
        this.#again = false;
        if (this.#state !== 'refused') this.#schedule(again ? AFTER_CHANGE_MS : this.intervalMs);
      });
    }, delayMs);
    this.#timer.unref();
  }

  async #round(): Promise<void> {
    try {
      await syncPlansOnce(this.store, this.docs, { hold: this.hold });
      this.#state = 'online';
    } catch (error) {
      if (error instanceof RelayRefusedError) this.#state = 'refused';
      else if (error instanceof RelayUnreachableError) this.#state = 'offline';
      else {
        // A closed store (the app is quitting) or anything unexpected: stop quietly.
        this.#state = 'offline';
        logEvent('warn', 'relay-round-failed', { error: error instanceof Error ? error.name : 'unknown' });
        if (error instanceof TypeError && /closed|not open/i.test(error.message)) this.stop();
      }
    }
  }
}
