import type { MeetingAdmission } from './meeting-admission';

/**
 * Limits for the meeting's signaling server, with the reasoning for each default. A
 * meeting is a handful of people on one LAN; every limit is generous for that and small
 * enough that one misbehaving socket cannot starve the others.
 */
export interface SignalingServerOptions {
  /** Interface to bind. Tests and the browser host use 127.0.0.1; a meeting host its LAN address. */
  host: string;
  /** 0 lets the OS pick a free port. */
  port: number;
  /**
   * Largest frame accepted. An encrypted, base64'd SDP offer is a few KiB; 64 KiB leaves
   * plenty of room and is enforced by ws before buffering (closed with 1009).
   */
  maxFrameBytes?: number;
  /** y-webrtc subscribes once per open plan; 16 rooms per connection is ample. */
  maxTopicsPerConnection?: number;
  /** Our room names are hashes (~64 chars); 128 leaves room for a prefix. */
  maxTopicLength?: number;
  /** Deepest JSON accepted; real frames are ~4 levels deep. */
  maxMessageDepth?: number;
  /** Open sockets at once; further upgrades get HTTP 503. */
  maxConnections?: number;
  /**
   * Silence (no frame, no pong) after which a socket is closed. lib0's client pings 15 s
   * after each pong (messageReconnectTimeout / 2) and we ws-ping at half this value, which
   * browsers answer by themselves, so 60 s is four client pings of margin.
   */
  idleTimeoutMs?: number;
  /** Sustained frames per second per connection (token bucket refill rate). */
  messagesPerSecond?: number;
  /**
   * Frames a connection may send at once. Joining a room of n peers sends an announce plus
   * an offer/answer and a few ICE candidates per peer: ~10n frames in a burst.
   */
  messageBurst?: number;
  /**
   * Bytes a receiver may have queued and unsent. A consumer that falls further behind is
   * dropped rather than letting its queue grow without bound in our memory.
   */
  maxBufferedBytes?: number;
  /** 0.0.0.0 / :: expose the meeting to every network the machine is on; opt in explicitly. */
  allowWildcardHost?: boolean;
  /** Receives one-line summaries (reasons and counts, never contents or addresses). */
  log?: (line: string) => void;
  /**
   * The meetings this server admits (meeting-admission.ts). With it, a socket must answer
   * the server's challenge with a proof of the meeting code before it gets a real slot;
   * until then it holds one of a few pre-auth slots, and its frames wait (a few at most).
   * Without it (the standalone signaling CLI, tests of the relay itself) anyone may relay.
   */
  admission?: MeetingAdmission;
  /** Open sockets from one address (IPv6: one /64). A laptop uses two or three. */
  maxConnectionsPerAddress?: number;
  /** Topics all sockets of one address may hold together. */
  maxTopicsPerAddress?: number;
  /** Sockets from one address that have not proven the code yet. */
  preAuthPerAddress?: number;
  /** Sockets from all addresses that have not proven the code yet. */
  preAuthTotal?: number;
  /** A socket that has not proven the code within this time is closed. */
  preAuthTimeoutMs?: number;
}

export type ResolvedSignalingOptions = Required<Omit<SignalingServerOptions, 'log' | 'admission'>> &
  Pick<SignalingServerOptions, 'log' | 'admission'>;

export const SIGNALING_DEFAULTS = {
  maxFrameBytes: 64 * 1024,
  maxTopicsPerConnection: 16,
  maxTopicLength: 128,
  maxMessageDepth: 32,
  maxConnections: 200,
  idleTimeoutMs: 60_000,
  messagesPerSecond: 100,
  messageBurst: 200,
  maxBufferedBytes: 1024 * 1024,
  // Three browser hosts on one test machine share 127.0.0.1: each holds a room socket and a
  // lobby socket, and reconnects overlap the old socket's close. 24 is generous for that.
  maxConnectionsPerAddress: 24,
  maxTopicsPerAddress: 64,
  preAuthPerAddress: 8,
  preAuthTotal: 64,
  preAuthTimeoutMs: 5_000,
} as const;

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '0:0:0:0:0:0:0:0', '[::]']);

export const isWildcardHost = (host: string): boolean => WILDCARD_HOSTS.has(host.trim());

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen < 1) {
    throw new RangeError(`Signaling option ${name} must be a positive integer`);
  }
  return chosen;
}

export function resolveSignalingOptions(options: SignalingServerOptions): ResolvedSignalingOptions {
  if (typeof options.host !== 'string' || options.host.trim() === '') {
    throw new RangeError('Signaling option host must name an interface, e.g. 127.0.0.1');
  }
  if (!Number.isSafeInteger(options.port) || options.port < 0 || options.port > 65_535) {
    throw new RangeError('Signaling option port must be an integer from 0 to 65535');
  }
  const allowWildcardHost = options.allowWildcardHost ?? false;
  if (isWildcardHost(options.host) && !allowWildcardHost) {
    throw new RangeError('Refusing to bind every interface; pass the LAN address or set allowWildcardHost');
  }
  const messagesPerSecond = positiveInteger('messagesPerSecond', options.messagesPerSecond, SIGNALING_DEFAULTS.messagesPerSecond);
  return {
    host: options.host.trim(),
    port: options.port,
    maxFrameBytes: positiveInteger('maxFrameBytes', options.maxFrameBytes, SIGNALING_DEFAULTS.maxFrameBytes),
    maxTopicsPerConnection: positiveInteger(
      'maxTopicsPerConnection',
      options.maxTopicsPerConnection,
      SIGNALING_DEFAULTS.maxTopicsPerConnection,
    ),
    maxTopicLength: positiveInteger('maxTopicLength', options.maxTopicLength, SIGNALING_DEFAULTS.maxTopicLength),
    maxMessageDepth: positiveInteger('maxMessageDepth', options.maxMessageDepth, SIGNALING_DEFAULTS.maxMessageDepth),
    maxConnections: positiveInteger('maxConnections', options.maxConnections, SIGNALING_DEFAULTS.maxConnections),
    idleTimeoutMs: positiveInteger('idleTimeoutMs', options.idleTimeoutMs, SIGNALING_DEFAULTS.idleTimeoutMs),
    messagesPerSecond,
    messageBurst: positiveInteger('messageBurst', options.messageBurst, Math.max(SIGNALING_DEFAULTS.messageBurst, messagesPerSecond)),
    maxBufferedBytes: positiveInteger('maxBufferedBytes', options.maxBufferedBytes, SIGNALING_DEFAULTS.maxBufferedBytes),
    allowWildcardHost,
    log: options.log,
    admission: options.admission,
    maxConnectionsPerAddress: positiveInteger('maxConnectionsPerAddress', options.maxConnectionsPerAddress, SIGNALING_DEFAULTS.maxConnectionsPerAddress),
    maxTopicsPerAddress: positiveInteger('maxTopicsPerAddress', options.maxTopicsPerAddress, SIGNALING_DEFAULTS.maxTopicsPerAddress),
    preAuthPerAddress: positiveInteger('preAuthPerAddress', options.preAuthPerAddress, SIGNALING_DEFAULTS.preAuthPerAddress),
    preAuthTotal: positiveInteger('preAuthTotal', options.preAuthTotal, SIGNALING_DEFAULTS.preAuthTotal),
    preAuthTimeoutMs: positiveInteger('preAuthTimeoutMs', options.preAuthTimeoutMs, SIGNALING_DEFAULTS.preAuthTimeoutMs),
  };
}
