import type { AppendedUpdate } from './care-store';

interface Waiting {
  entry: AppendedUpdate;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

interface GroupCommitter {
  appendUpdates(entries: readonly AppendedUpdate[]): number[];
}

/**
 * Group commit for updates that arrive together (a burst from the renderer, a meeting's
 * peers): every append made in the same turn of the event loop is written in ONE
 * transaction on the next turn, and each caller's promise settles only after that commit —
 * nothing is acknowledged before it is durable. If the group is refused (one damaged plan,
 * a full disk), each entry is retried on its own, so one bad entry fails alone.
 */
export class GroupCommitQueue {
  readonly #store: GroupCommitter;
  #waiting: Waiting[] = [];
  #scheduled = false;

  constructor(store: GroupCommitter) {
    this.#store = store;
  }

  append(entry: AppendedUpdate): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ entry, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const group = this.#waiting;
    this.#waiting = [];
    try {
      const seqs = this.#store.appendUpdates(group.map((waiting) => waiting.entry));
      group.forEach((waiting, index) => waiting.resolve(seqs[index] ?? Number.NaN));
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      for (const waiting of group) {
        try {
          const [seq] = this.#store.appendUpdates([waiting.entry]);
          waiting.resolve(seq ?? Number.NaN);
        } catch (alone) {
          waiting.reject(alone);
        }
      }
    }
  }
}
