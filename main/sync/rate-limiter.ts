/**
 * A per-connection token bucket. Every inbound frame costs one token, whether or not it
 * parses, so a flood of junk is throttled before we spend CPU on JSON.parse.
 *
 * Past the bucket a frame is dropped. A client that keeps sending while empty (more
 * overflow in one second than the bucket refills in one second) is not a burst any more
 * but a flood, and is disconnected so it stops costing us reads.
 */
export type RateDecision = 'accept' | 'drop' | 'disconnect';

export interface RateLimiterOptions {
  /** Sustained frames per second. */
  perSecond: number;
  /** Frames that may arrive at once after a quiet spell (a peer joining a full room). */
  burst: number;
  /** Injectable clock (ms) so the bucket can be tested without sleeping. */
  now?: () => number;
}

const OVERFLOW_WINDOW_MS = 1000;

export class RateLimiter {
  private tokens: number;
  private lastRefill: number;
  private overflowInWindow = 0;
  private overflowWindowStart: number;
  private readonly perMs: number;
  private readonly burst: number;
  private readonly floodThreshold: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions) {
    if (!(options.perSecond > 0) || !(options.burst >= 1)) {
      throw new RangeError('RateLimiter needs perSecond > 0 and burst >= 1');
    }
    this.now = options.now ?? Date.now;
    this.perMs = options.perSecond / 1000;
    this.burst = options.burst;
    this.floodThreshold = Math.max(1, Math.ceil(options.perSecond));
    this.tokens = options.burst;
    this.lastRefill = this.now();
    this.overflowWindowStart = this.lastRefill;
  }

  take(): RateDecision {
    const now = this.now();
    const elapsed = Math.max(0, now - this.lastRefill);
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perMs);
    this.lastRefill = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'accept';
    }
    if (now - this.overflowWindowStart >= OVERFLOW_WINDOW_MS) {
      this.overflowWindowStart = now;
      this.overflowInWindow = 0;
    }
    this.overflowInWindow += 1;
    return this.overflowInWindow > this.floodThreshold ? 'disconnect' : 'drop';
  }
}
