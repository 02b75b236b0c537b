import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { AddressCounts, addressBucket } from './address-caps';
import { MeetingAdmission } from './meeting-admission';
import { RateLimiter } from './rate-limiter';
import { SignalingConnection } from './signaling-connection';
import { parseSignalingMessage, type MessageLimits, type SignalingMessage } from './signaling-message';
import { resolveSignalingOptions, type ResolvedSignalingOptions, type SignalingServerOptions } from './signaling-options';
import { SignalingCounters, type DisconnectReason, type SignalingStats } from './signaling-stats';
import { TopicRegistry } from './topic-registry';

/**
 * The meeting's signaling server: a topic relay speaking y-webrtc's JSON protocol, so
 * participants' browsers can find each other and exchange WebRTC offers. It never sees
 * plan content (that flows peer to peer) and with a room password y-webrtc encrypts every
 * relayed `data`, so it forwards opaque frames and keeps only counts.
 *
 * Semantics kept from y-webrtc's bin/server.js: subscribe/unsubscribe/publish/ping, and a
 * relayed publish carries `clients` = subscribers of the topic. Deliberate differences:
 * - a publish is not echoed to its sender (y-webrtc discards its own frames by `from`, so
 *   the echo was only cost, and would double what a flooder gets back);
 * - a publish must come from a subscriber of that topic (y-webrtc always subscribes first);
 * - every bad frame is dropped and counted instead of throwing out of the 'message' handler;
 * - with `admission` (every hosted meeting), a socket first proves it holds the meeting
 *   code (challenge-response, meeting-admission.ts). Until then it holds one of a few
 *   pre-auth slots (per address and in total), its frames wait, and it is closed after
 *   `preAuthTimeoutMs`; so sockets without the code cannot take honest joiners' slots;
 * - per-address caps on sockets and topics (IPv6 per /64), so one machine cannot take
 *   every slot even with the code; raw TCP sockets are capped per address too.
 */
export interface SignalingServer {
  /** ws://host:port, ready to hand to y-webrtc's `signaling` option. */
  readonly url: string;
  readonly port: number;
  stats(): SignalingStats;
  /** Closes every socket and the listener and stops timers. Safe to call twice. */
  close(): Promise<void>;
}

export type { SignalingServerOptions } from './signaling-options';
export type { SignalingStats } from './signaling-stats';

const CLOSE_INTERNAL_ERROR = 1011;
const CLOSE_GOING_AWAY = 1001;
/** Sockets allowed on top of maxConnections while their HTTP upgrade is in progress. */
const PENDING_HANDSHAKE_SLACK = 32;
/** How long close() waits for clients to acknowledge before cutting them. */
const SHUTDOWN_GRACE_MS = 500;
/** Frames a socket may send before proving the code (y-webrtc: subscribe + one announce per room). */
const MAX_WAITING_FRAMES = 16;
const CLOSE_UNAUTHENTICATED = 4401;

const formatUrl = (host: string, port: number): string =>
  `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;

const rawToBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

export async function startSignalingServer(options: SignalingServerOptions): Promise<SignalingServer> {
  const settings = resolveSignalingOptions(options);
  const relay = new SignalingRelay(settings);
  await relay.listen();
  return relay;
}

class SignalingRelay implements SignalingServer {
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<SignalingConnection>();
  private readonly registry: TopicRegistry<SignalingConnection>;
  private readonly counters = new SignalingCounters();
  private readonly limits: MessageLimits;
  private sweepTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  private boundPort = 0;
  private readonly openPerAddress = new AddressCounts();
  private readonly rawPerAddress = new AddressCounts();
  private readonly preAuthPerAddress = new AddressCounts();
  private readonly topicsPerAddress = new AddressCounts();
  private preAuthCount = 0;

  constructor(private readonly settings: ResolvedSignalingOptions) {
    this.registry = new TopicRegistry(settings.maxTopicsPerConnection);
    this.limits = {
      maxTopicLength: settings.maxTopicLength,
      maxTopicsPerMessage: settings.maxTopicsPerConnection,
      maxDepth: settings.maxMessageDepth,
    };
    this.wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      // Refused from the frame header, before the payload is buffered; ws closes with 1009.
      maxPayload: settings.maxFrameBytes,
      // Compression would let a small frame inflate into a large one (and costs CPU per peer).
      perMessageDeflate: false,
      // ws would answer every ping frame unconditionally, outside any rate limit; we answer
      // them ourselves through the connection's bucket (browsers never send them anyway).
      autoPong: false,
    });
    this.http = createServer((_request, response) => {
      response.writeHead(426, { 'Content-Type': 'text/plain', Connection: 'close' });
      response.end('CareHouse signaling server: WebSocket only\n');
    });
    // Slow or broken HTTP clients must not hold sockets open for long.
    this.http.headersTimeout = 10_000;
    this.http.requestTimeout = 10_000;
    // Bounds raw TCP sockets too (half-finished handshakes); the slack lets a 503 be sent.
    this.http.maxConnections = settings.maxConnections + settings.preAuthTotal + PENDING_HANDSHAKE_SLACK;
    // Per address as well, before any HTTP is read: idle TCP sockets from one machine
    // must not fill the listener's table for headersTimeout.
    this.http.on('connection', (socket) => {
      const bucket = addressBucket(socket.remoteAddress);
      if (this.rawPerAddress.get(bucket) >= settings.maxConnectionsPerAddress + settings.preAuthPerAddress) {
        this.counters.rejectedConnections += 1;
        socket.destroy();
        return;
      }
      this.rawPerAddress.add(bucket, 1);
      socket.once('close', () => this.rawPerAddress.add(bucket, -1));
    });
    this.http.on('clientError', (_error, socket) => socket.destroy());
    this.http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.onUpgrade(request, socket, head),
    );
  }

  get url(): string {
    return formatUrl(this.settings.host, this.boundPort);
  }

  get port(): number {
    return this.boundPort;
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.http.once('error', onError);
      this.http.listen({ host: this.settings.host, port: this.settings.port, exclusive: true }, () => {
        this.http.off('error', onError);
        // After listening, a server error (e.g. EMFILE on accept) is logged, not thrown.
        this.http.on('error', (error) => this.log(`listener error (${errorCode(error) ?? error.name})`));
        this.boundPort = (this.http.address() as AddressInfo).port;
        const sweepEvery = Math.max(25, Math.floor(Math.min(this.settings.idleTimeoutMs, this.settings.preAuthTimeoutMs) / 4));
        this.sweepTimer = setInterval(() => this.sweepIdle(), sweepEvery);
        resolve();
      });
    });
  }

  stats(): SignalingStats {
    return this.counters.snapshot({
      connections: this.connections.size,
      topics: this.registry.topicCount,
      subscriptions: this.registry.subscriptionCount,
    });
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
    const closed = [...this.connections].map(
      (connection) =>
        new Promise<void>((resolve) => {
          if (connection.socket.readyState === WebSocket.CLOSED) return resolve();
          connection.socket.once('close', () => resolve());
          connection.closing = true;
          connection.socket.close(CLOSE_GOING_AWAY);
        }),
    );
    let graceTimer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(closed),
      new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
      }),
    ]);
    clearTimeout(graceTimer);
    for (const connection of this.connections) connection.socket.terminate();
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
    this.wss.close();
  }

  private onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Per-socket: a reset during the handshake must not become an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    if (this.closing) {
      socket.destroy();
      return;
    }
    const bucket = addressBucket(request.socket.remoteAddress);
    const admission = this.settings.admission;
    const full =
      this.connections.size - this.preAuthCount >= this.settings.maxConnections ||
      this.openPerAddress.get(bucket) >= this.settings.maxConnectionsPerAddress ||
      (admission !== undefined &&
        (this.preAuthCount >= this.settings.preAuthTotal || this.preAuthPerAddress.get(bucket) >= this.settings.preAuthPerAddress));
    if (full) {
      this.counters.rejectedConnections += 1;
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (websocket) => this.onConnection(websocket, bucket));
  }

  private onConnection(socket: WebSocket, bucket: string): void {
    const connection = new SignalingConnection(
      socket,
      new RateLimiter({ perSecond: this.settings.messagesPerSecond, burst: this.settings.messageBurst }),
      Date.now(),
      bucket,
      this.settings.admission ? MeetingAdmission.nonce() : null,
    );
    this.connections.add(connection);
    this.counters.acceptedConnections += 1;
    this.openPerAddress.add(bucket, 1);
    if (!connection.authenticated) {
      this.preAuthCount += 1;
      this.preAuthPerAddress.add(bucket, 1);
      this.sendChallenge(connection);
    }

    socket.on('message', (data, isBinary) => {
      try {
        this.onFrame(connection, data, isBinary);
      } catch (error) {
        // A bug while handling one socket's frame ends that socket only. Only the error's
        // class is logged: messages from parsers can quote the frame.
        this.log(`internal error handling a frame (${error instanceof Error ? error.name : typeof error})`);
        this.disconnect(connection, 'internal-error', CLOSE_INTERNAL_ERROR);
      }
    });
    socket.on('ping', (data) => this.onControlFrame(connection, data));
    socket.on('pong', () => this.onControlFrame(connection));
    socket.on('error', (error) => this.onSocketError(connection, error));
    socket.on('close', () => {
      connection.released();
      this.removeSubscriber(connection);
      this.connections.delete(connection);
      this.openPerAddress.add(bucket, -1);
      if (!connection.authenticated) {
        connection.authenticated = true;
        this.preAuthCount -= 1;
        this.preAuthPerAddress.add(bucket, -1);
      }
    });
  }

  private onSocketError(connection: SignalingConnection, error: Error): void {
    const code = errorCode(error);
    if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      // ws has already sent close 1009 and stopped reading this socket.
      this.counters.drop('oversized');
      this.disconnect(connection, 'oversized');
    } else if (code?.startsWith('WS_ERR_')) {
      this.disconnect(connection, 'protocol-error');
    }
    // Anything else (ECONNRESET, EPIPE) is an abrupt disconnect: 'close' follows and cleans up.
  }

  /** Every frame, data or control, counts as life and costs a token. */
  private admit(connection: SignalingConnection): boolean {
    if (connection.closing) return false;
    connection.heardFrom(Date.now());
    const decision = connection.limiter.take();
    if (decision === 'accept') return true;
    this.counters.drop('rate-limited');
    if (decision === 'disconnect') this.disconnect(connection, 'flood');
    return false;
  }

  /** ws-level ping (answered here, within the bucket and the buffer cap) or pong. */
  private onControlFrame(connection: SignalingConnection, pingData?: Buffer): void {
    if (!this.admit(connection) || pingData === undefined) return;
    if (connection.socket.bufferedAmount > this.settings.maxBufferedBytes) {
      this.disconnect(connection, 'slow-consumer');
      return;
    }
    connection.socket.pong(pingData, undefined, () => undefined);
  }

  private onFrame(connection: SignalingConnection, data: RawData, isBinary: boolean): void {
    if (!this.admit(connection)) return;
    if (isBinary) {
      this.counters.drop('binary');
      return;
    }
    const parsed = parseSignalingMessage(rawToBuffer(data).toString('utf8'), this.limits);
    if (!parsed.ok) {
      this.counters.drop(parsed.reason);
      return;
    }
    this.handle(connection, parsed.message);
  }

  private handle(connection: SignalingConnection, message: SignalingMessage): void {
    if (!connection.authenticated) return this.handleBeforeAuth(connection, message);
    switch (message.type) {
      case 'subscribe':
        this.subscribe(connection, message.topics);
        return;
      case 'unsubscribe': {
        const before = this.registry.topicCountOf(connection);
        this.registry.unsubscribe(connection, message.topics);
        this.topicsPerAddress.add(connection.bucket, this.registry.topicCountOf(connection) - before);
        return;
      }
      case 'ping':
        this.deliver(connection, '{"type":"pong"}');
        return;
      case 'publish':
        this.publish(connection, message.topic, message.frame);
        return;
      case 'challenge':
      case 'auth':
        // Already admitted (or the server admits anyone): a late or repeated answer is harmless.
        if (this.settings.admission) this.deliver(connection, this.welcomeText(null));
        return;
    }
  }

  /** Before the code is proven: answer the challenge, keep a few frames for later, nothing else. */
  private handleBeforeAuth(connection: SignalingConnection, message: SignalingMessage): void {
    switch (message.type) {
      case 'challenge':
        this.sendChallenge(connection);
        return;
      case 'ping':
        this.deliver(connection, '{"type":"pong"}');
        return;
      case 'auth':
        this.authenticate(connection, message.proof);
        return;
      default:
        if (connection.waiting.length >= MAX_WAITING_FRAMES) {
          this.counters.drop('unauthenticated');
          return;
        }
        connection.waiting.push(message);
    }
  }

  private sendChallenge(connection: SignalingConnection): void {
    if (!connection.nonce) return;
    this.deliver(connection, JSON.stringify({ type: 'challenge', nonce: Buffer.from(connection.nonce).toString('base64') }));
  }

  private authenticate(connection: SignalingConnection, proofText: string): void {
    const admission = this.settings.admission;
    const proof = Buffer.from(proofText, 'base64');
    const meeting = admission && connection.nonce ? admission.admit(connection.nonce, new Uint8Array(proof)) : null;
    if (!meeting) {
      this.disconnect(connection, 'unauthenticated', CLOSE_UNAUTHENTICATED);
      return;
    }
    connection.authenticated = true;
    this.preAuthCount -= 1;
    this.preAuthPerAddress.add(connection.bucket, -1);
    this.deliver(connection, this.welcomeText(meeting.chairKey));
    for (const waiting of connection.waiting.splice(0)) this.handle(connection, waiting);
  }

  private welcomeText(chairKey: string | null): string {
    return JSON.stringify(chairKey ? { type: 'welcome', chairKey } : { type: 'welcome' });
  }

  private subscribe(connection: SignalingConnection, topics: readonly string[]): void {
    const added = topics.filter((topic) => !this.registry.isSubscribed(connection, topic));
    const fresh = new Set(added).size;
    if (this.topicsPerAddress.get(connection.bucket) + fresh > this.settings.maxTopicsPerAddress) {
      this.counters.drop('address-topics');
      return;
    }
    if (this.registry.subscribe(connection, topics) === 'too-many-topics') {
      this.counters.drop('too-many-topics');
      return;
    }
    this.topicsPerAddress.add(connection.bucket, fresh);
  }

  private removeSubscriber(connection: SignalingConnection): void {
    this.topicsPerAddress.add(connection.bucket, -this.registry.topicCountOf(connection));
    this.registry.removeSubscriber(connection);
  }

  private publish(sender: SignalingConnection, topic: string, frame: Readonly<Record<string, unknown>>): void {
    if (!this.registry.isSubscribed(sender, topic)) {
      this.counters.drop('not-subscribed');
      return;
    }
    const receivers = this.registry.subscribersOf(topic).filter((receiver) => receiver !== sender);
    if (receivers.length === 0) return;
    // Serialised once for every receiver; depth was capped when the frame was parsed.
    const text = JSON.stringify({ ...frame, type: 'publish', topic, clients: this.registry.subscriberCount(topic) });
    for (const receiver of receivers) {
      if (this.deliver(receiver, text)) this.counters.relayedFrames += 1;
    }
  }

  private deliver(receiver: SignalingConnection, text: string): boolean {
    const outcome = receiver.deliver(text, this.settings.maxBufferedBytes);
    if (outcome === 'slow-consumer') this.disconnect(receiver, 'slow-consumer');
    return outcome === 'sent';
  }

  /** Ends one connection for a counted reason; with a code, the client is told why first. */
  private disconnect(connection: SignalingConnection, reason: DisconnectReason, code?: number): void {
    if (connection.closing) return;
    this.counters.disconnect(reason);
    this.removeSubscriber(connection);
    if (reason === 'oversized') {
      // ws is already closing with 1009; make sure a peer that never answers is cut.
      connection.closeWith(1009);
    } else if (code !== undefined) {
      connection.closeWith(code);
    } else {
      connection.cut();
    }
    this.log(`closed a connection (${reason}); ${this.connections.size} open`);
  }

  private sweepIdle(): void {
    const now = Date.now();
    const timeout = this.settings.idleTimeoutMs;
    for (const connection of this.connections) {
      if (connection.closing) continue;
      if (!connection.authenticated && now - connection.openedAt >= this.settings.preAuthTimeoutMs) {
        this.disconnect(connection, 'unauthenticated', CLOSE_UNAUTHENTICATED);
        continue;
      }
      const silentFor = now - connection.lastHeardAt;
      if (silentFor >= timeout) {
        this.disconnect(connection, 'idle');
      } else if (silentFor >= timeout / 2 && !connection.awaitingPong) {
        // Browsers answer ws pings by themselves, so a live but quiet tab stays connected.
        connection.awaitingPong = true;
        connection.socket.ping();
      }
    }
  }

  private log(line: string): void {
    this.settings.log?.(`[signaling] ${line}`);
  }
}
