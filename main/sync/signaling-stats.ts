import type { MessageRejectReason } from './signaling-message';

/**
 * Counters only. The server never records what a frame said or who sent it: signaling
 * frames can carry names and SDP with addresses, which are personal data.
 */
export type DropReason =
  | MessageRejectReason
  /** y-webrtc only sends text; a binary frame is someone else's protocol (or an attack). */
  | 'binary'
  /** Past the per-connection token bucket. */
  | 'rate-limited'
  /** Publishing into a room the sender has not joined. */
  | 'not-subscribed'
  /** Refused by ws `maxPayload` before buffering; the connection is closed with 1009. */
  | 'oversized'
  /** Sent before proving the meeting code, past the few frames that may wait for it. */
  | 'unauthenticated'
  /** Subscribing past the topics one address may hold. */
  | 'address-topics';

export type DisconnectReason =
  | 'oversized'
  | 'flood'
  | 'idle'
  | 'slow-consumer'
  /** Invalid WebSocket framing (bad opcode, unmasked frame, invalid UTF-8...). */
  | 'protocol-error'
  /** A bug on our side while handling this one socket; the others carry on. */
  | 'internal-error'
  /** Did not prove the meeting code in time, or proved it wrong. */
  | 'unauthenticated';

export const DROP_REASONS: readonly DropReason[] = [
  'malformed-json',
  'not-an-object',
  'unknown-type',
  'invalid-topic',
  'too-many-topics',
  'too-deep',
  'binary',
  'rate-limited',
  'not-subscribed',
  'oversized',
  'unauthenticated',
  'address-topics',
];

export const DISCONNECT_REASONS: readonly DisconnectReason[] = [
  'oversized',
  'flood',
  'idle',
  'slow-consumer',
  'protocol-error',
  'internal-error',
  'unauthenticated',
];

export interface SignalingStats {
  /** Open connections right now. */
  connections: number;
  /** Rooms with at least one subscriber right now. */
  topics: number;
  /** (connection, topic) pairs right now. */
  subscriptions: number;
  acceptedConnections: number;
  /** Refused at the HTTP upgrade because the server was at `maxConnections`. */
  rejectedConnections: number;
  /** Publish frames delivered to a receiver (one per receiver). */
  relayedFrames: number;
  dropped: Readonly<Record<DropReason, number>>;
  disconnected: Readonly<Record<DisconnectReason, number>>;
}

const zeroed = <Key extends string>(keys: readonly Key[]): Record<Key, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>;

export class SignalingCounters {
  acceptedConnections = 0;
  rejectedConnections = 0;
  relayedFrames = 0;
  private readonly dropped = zeroed(DROP_REASONS);
  private readonly disconnected = zeroed(DISCONNECT_REASONS);

  drop(reason: DropReason): void {
    this.dropped[reason] += 1;
  }

  disconnect(reason: DisconnectReason): void {
    this.disconnected[reason] += 1;
  }

  snapshot(current: { connections: number; topics: number; subscriptions: number }): SignalingStats {
    return {
      ...current,
      acceptedConnections: this.acceptedConnections,
      rejectedConnections: this.rejectedConnections,
      relayedFrames: this.relayedFrames,
      dropped: { ...this.dropped },
      disconnected: { ...this.disconnected },
    };
  }
}
