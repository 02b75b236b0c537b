/**
 * Per-peer budget for what a peer makes us do: messages per second, as a token bucket.
 * Past the bucket, a peer's messages WAIT (in order) and are handled as tokens come back,
 * and the peer is shown as "slowed down" — a flood costs the flooder latency, not everyone
 * a frozen screen. Past `maxQueued` the oldest waiting message is dropped: the periodic plan
 * check (plan-consistency.ts) resyncs anything lost that way.
 */
export interface PacerOptions {
  perSecond: number;
  burst: number;
  maxQueued: number;
  now?: () => number;
}

/** 30 people typing (~5 updates/s each, plus presence) relayed by one peer stay well inside. */
export const PEER_PACE: PacerOptions = { perSecond: 400, burst: 1200, maxQueued: 2000 };

interface Bucket {
  tokens: number;
  at: number;
  queue: Array<() => void>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class PeerPacer {
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;
  #dropped = 0;

  constructor(
    private readonly options: PacerOptions,
    private readonly onSlowedChange: (peerId: string, slowed: boolean) => void = () => undefined,
  ) {
    this.#now = options.now ?? Date.now;
  }

  get dropped(): number {
    return this.#dropped;
  }

  isSlowed(peerId: string): boolean {
    return (this.#buckets.get(peerId)?.queue.length ?? 0) > 0;
  }

  /** Runs `task` now if the peer is within its budget, otherwise later, in arrival order. */
  run(peerId: string, task: () => void): void {
    const bucket = this.#bucket(peerId);
    this.#refill(bucket);
    if (bucket.queue.length === 0 && bucket.tokens >= 1) {
      bucket.tokens -= 1;
      task();
      return;
    }
    if (bucket.queue.length === 0) this.onSlowedChange(peerId, true);
    bucket.queue.push(task);
    if (bucket.queue.length > this.options.maxQueued) {
      bucket.queue.shift();
      this.#dropped += 1;
    }
    this.#schedule(peerId, bucket);
  }

  forget(peerId: string): void {
    const bucket = this.#buckets.get(peerId);
    if (bucket?.timer) clearTimeout(bucket.timer);
    this.#buckets.delete(peerId);
  }

  dispose(): void {
    for (const peerId of [...this.#buckets.keys()]) this.forget(peerId);
  }

  #bucket(peerId: string): Bucket {
    let bucket = this.#buckets.get(peerId);
    if (!bucket) {
      bucket = { tokens: this.options.burst, at: this.#now(), queue: [], timer: undefined };
      this.#buckets.set(peerId, bucket);
    }
    return bucket;
  }

  #refill(bucket: Bucket): void {
    const now = this.#now();
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + ((now - bucket.at) * this.options.perSecond) / 1000);
    bucket.at = now;
  }

  #schedule(peerId: string, bucket: Bucket): void {
    if (bucket.timer) return;
    const wait = Math.max(1, Math.ceil(((1 - bucket.tokens) * 1000) / this.options.perSecond));
    bucket.timer = setTimeout(() => {
      bucket.timer = undefined;
      this.#refill(bucket);
      while (bucket.queue.length > 0 && bucket.tokens >= 1) {
        bucket.tokens -= 1;
        bucket.queue.shift()?.();
      }
      if (bucket.queue.length > 0) this.#schedule(peerId, bucket);
      else this.onSlowedChange(peerId, false);
    }, wait);
  }
}
