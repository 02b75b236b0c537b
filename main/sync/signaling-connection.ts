import { WebSocket } from 'ws';
import { RateLimiter } from './rate-limiter';
import type { SignalingMessage } from './signaling-message';

/**
 * One client socket and what the server tracks about it: its flood bucket, when it was
 * last heard from, and whether it is already on its way out (after which nothing it sends
 * is processed and nothing is relayed to it).
 */
export type DeliveryOutcome = 'sent' | 'not-open' | 'slow-consumer';

/** How long a socket we have asked to close may linger before we cut it. */
const CLOSE_GRACE_MS = 1000;

export class SignalingConnection {
  lastHeardAt: number;
  /** A ws-level ping is outstanding since `lastHeardAt`. */
  awaitingPong = false;
  closing = false;
  /** Proved the meeting code (or the server admits anyone). */
  authenticated: boolean;
  /** Frames sent before proving the code, handled once it is proven (a few at most). */
  readonly waiting: SignalingMessage[] = [];
  readonly openedAt: number;
  private closeTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly socket: WebSocket,
    readonly limiter: RateLimiter,
    now: number,
    /** Source address bucket (address-caps.ts); never logged. */
    readonly bucket: string,
    /** The challenge this socket must answer; null when the server admits anyone. */
    readonly nonce: Uint8Array | null,
  ) {
    this.lastHeardAt = now;
    this.openedAt = now;
    this.authenticated = nonce === null;
  }

  heardFrom(now: number): void {
    this.lastHeardAt = now;
    this.awaitingPong = false;
  }

  /**
   * Queue a text frame unless the receiver is already too far behind. `bufferedAmount` is
   * what ws and the kernel have not yet written; past the cap we stop feeding it.
   */
  deliver(text: string, maxBufferedBytes: number): DeliveryOutcome {
    if (this.closing || this.socket.readyState !== WebSocket.OPEN) return 'not-open';
    if (this.socket.bufferedAmount + Buffer.byteLength(text) > maxBufferedBytes) return 'slow-consumer';
    // Write errors surface as the socket's 'error'/'close'; the callback keeps ws from
    // treating a send-after-close as anything more than a no-op.
    this.socket.send(text, () => undefined);
    return 'sent';
  }

  /** Polite close (with a code the client can show), cut after a grace period. */
  closeWith(code: number): void {
    this.closing = true;
    this.socket.close(code);
    this.closeTimer ??= setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS);
  }

  /** For peers that will not read a close frame anyway: floods, the silent, the slow. */
  cut(): void {
    this.closing = true;
    this.socket.terminate();
  }

  /** Called once the socket has closed, whatever the cause. */
  released(): void {
    this.closing = true;
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }
}
