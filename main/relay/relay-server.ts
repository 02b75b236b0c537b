import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type afterLoadDocumentPayload, type onAuthenticatePayload, type onChangePayload, type onStatelessPayload } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { decodeKeyBytes, verifySignature } from '../../shared/identity';
import { logEvent } from '../logging/log';
import { AccessLog } from './relay-access-log';
import { AuthorshipBook } from './relay-authorship';
import { authorsRequestSchema, enrolMessage, enrolRequestSchema } from './relay-auth-message';
import { AuthRefusedError, ChallengeBook } from './relay-challenge';
import type { RelayDatabase } from './relay-database';
import type { RelayDocumentStore } from './relay-document-store';
import { readJsonBody, sendJson, toWebRequest } from './relay-http';
import { enrolMember, MembershipError, membersRevision } from './relay-membership';
import { RefusalLog } from './relay-refusals';
import { raisePayloadLimit } from './ws-payload-limit';

/**
 * The practice relay: Hocuspocus (the maintained Yjs server) behind our own HTTP(S) server
 * and `ws`, rather than Hocuspocus's bundled Server, for three reasons said once here:
 * TLS (the bundled one is plain HTTP only), our own endpoints (health, challenge,
 * enrolment, plan list) on the same port, and limits on what an unauthenticated socket
 * may cost — a small frame cap and a deadline before authentication, a cap on
 * unauthenticated sockets, and the whole socket closed on any refused answer (Hocuspocus
 * alone only refuses the one document and keeps the socket open).
 */
export interface RelayServerOptions {
  relay: RelayDatabase;
  store: RelayDocumentStore;
  host: string;
  port: number;
  tls?: { cert: Buffer; key: Buffer };
  redis?: { host: string; port: number };
  /** How long a debounced store of a changed plan may wait (ms). */
  storeDebounceMs?: number;
}

export interface RelayStats {
  openSockets: number;
  unauthenticatedSockets: number;
  documents: number;
  refusals: number;
}

export interface RunningRelay {
  readonly url: string;
  readonly port: number;
  stats(): RelayStats;
  close(): Promise<void>;
}

/** Any frame from a socket that has not yet proven a member is at most this big. */
export const MAX_PREAUTH_FRAME_BYTES = 16 * 1024;
/** A whole plan's state arrives in one frame; this is far above any real plan. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;
export const AUTH_DEADLINE_MS = 10_000;
export const MAX_UNAUTHENTICATED_SOCKETS = 256;
const PLAN_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REVOCATION_POLL_MS = 300;
const AUTH_HEADER = 'x-carehouse-auth';

/** The member whose socket a Hocuspocus transaction came from (updates from Redis or storage have none). */
function memberOfOrigin(origin: unknown): string | undefined {
  if (typeof origin !== 'object' || origin === null || !('source' in origin) || origin.source !== 'connection' || !('connection' in origin)) return undefined;
  const connection = origin.connection as { context?: { memberId?: unknown } };
  return typeof connection.context?.memberId === 'string' ? connection.context.memberId : undefined;
}

/** Hocuspocus sends a thrown error's `reason` to the client as the permission-denied reason. */
function refusal(code: string): Error & { reason: string } {
  return Object.assign(new Error('refused'), { reason: code });
}

interface SocketState {
  memberId: string | null;
  socketId: string | null;
  deadline: NodeJS.Timeout;
}

interface RelayContext {
  socket: WebSocket;
  memberId?: string;
}

export async function startRelayServer(options: RelayServerOptions): Promise<RunningRelay> {
  const { relay, store } = options;
  const challenges = new ChallengeBook(relay);
  const accessLog = new AccessLog(relay);
  const refusals = new RefusalLog();
  const authorship = new AuthorshipBook(relay);
  const sockets = new Map<WebSocket, SocketState>();

  function closeSocket(socket: WebSocket, code: number, reason: string): void {
    // After the current message's reply (Hocuspocus's "permission denied") has been written.
    setImmediate(() => socket.close(code, reason));
  }

  function refuseSocket(socket: WebSocket, code: string): void {
    refusals.refuse(code);
    closeSocket(socket, 4401, code);
  }

  const extensions = [store.extension];
  if (options.redis) extensions.push(new Redis({ host: options.redis.host, port: options.redis.port, prefix: 'carehouse-relay' }));

  const hocuspocus = new Hocuspocus<RelayContext>({
    name: 'carehouse-relay',
    quiet: true,
    extensions,
    debounce: options.storeDebounceMs ?? 2000,
    maxDebounce: 10_000,
    timeout: 30_000,
    maxUnauthenticatedQueueSize: 64 * 1024,
    maxUnauthenticatedQueueMessages: 64,
    maxPendingDocuments: 64,
    async onAuthenticate({ token, documentName, context, socketId }: onAuthenticatePayload<RelayContext>) {
      const { socket } = context;
      if (!PLAN_NAME.test(documentName)) {
        refuseSocket(socket, 'unknown-document-name');
        throw refusal('unknown-document-name');
      }
      try {
        const member = challenges.verify(token, socketId);
        const state = sockets.get(socket);
        if (state) {
          if (state.memberId === null && !raisePayloadLimit(socket, MAX_FRAME_BYTES)) logEvent('error', 'relay-ws-shape-changed');
          state.memberId = member.id;
          state.socketId = socketId;
          clearTimeout(state.deadline);
        }
        accessLog.record(member.id, documentName, 'read');
        return { memberId: member.id };
      } catch (error) {
        const code = error instanceof AuthRefusedError ? error.code : 'auth-failed';
        refuseSocket(socket, code);
        throw refusal(code);
      }
    },
    async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
      // Synchronously with each change, before any other member can receive it.
      document.on('update', (update: Uint8Array, origin: unknown) => {
        const memberId = memberOfOrigin(origin);
        if (memberId) authorship.record(documentName, memberId, update);
      });
    },
    // "Who wrote these changes?", asked over the member's own authenticated socket.
    async onStateless({ connection, documentName, payload }: onStatelessPayload) {
      if (payload.length > 4096) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(payload);
      } catch {
        return;
      }
      const request = authorsRequestSchema.safeParse(parsed);
      if (!request.success) return;
      connection.sendStateless(JSON.stringify({ type: 'authors', requestId: request.data.requestId, authors: authorship.authorsOf(documentName, request.data.clients) }));
    },
    async onChange({ context, documentName, transactionOrigin }: onChangePayload<RelayContext>) {
      // Only members' own changes: updates arriving from another relay (Redis) were logged there.
      if (context.memberId && typeof transactionOrigin === 'object' && transactionOrigin !== null) accessLog.record(context.memberId, documentName, 'changed');
    },
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/health') {
      // Counts and memory only: never who is connected or which plans are open.
      sendJson(response, 200, { status: 'ok', documents: hocuspocus.getDocumentsCount(), connections: sockets.size, memoryRssBytes: process.memoryUsage().rss });
      return;
    }
    if (request.method === 'GET' && path === '/v1/challenge') {
      sendJson(response, 200, { challenge: challenges.issue() });
      return;
    }
    if (request.method === 'POST' && path === '/v1/enrol') {
      await handleEnrol(request, response);
      return;
    }
    if (request.method === 'GET' && path === '/v1/plans') {
      const header = request.headers[AUTH_HEADER];
      try {
        const member = challenges.verify(typeof header === 'string' ? header : '');
        accessLog.record(member.id, '*', 'listed');
        sendJson(response, 200, { plans: (await store.listDocumentNames()).filter((name) => PLAN_NAME.test(name)) });
      } catch (error) {
        const code = error instanceof AuthRefusedError ? error.code : 'auth-failed';
        refusals.refuse(code);
        sendJson(response, 403, { error: code });
      }
      return;
    }
    sendJson(response, 404, { error: 'not-found' });
  }

  async function handleEnrol(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = enrolRequestSchema.safeParse(await readJsonBody(request));
    if (!parsed.success) {
      refusals.refuse('malformed-enrolment');
      sendJson(response, 400, { error: 'malformed-enrolment', message: 'That enrolment request could not be read.' });
      return;
    }
    const key = decodeKeyBytes(parsed.data.key, 32);
    const signature = decodeKeyBytes(parsed.data.signature, 64);
    // Proof of possession: nobody can enrol a key they do not hold.
    if (!key || !signature || !verifySignature(key, enrolMessage(parsed.data.code), signature)) {
      refusals.refuse('bad-signature');
      sendJson(response, 403, { error: 'bad-signature', message: 'The enrolment was not signed by that key.' });
      return;
    }
    try {
      const member = enrolMember(relay, parsed.data.code, key);
      logEvent('info', 'relay-member-enrolled', { memberId: member.id });
      sendJson(response, 200, { memberId: member.id, name: member.name, role: member.role });
    } catch (error) {
      if (!(error instanceof MembershipError)) throw error;
      refusals.refuse(error.code);
      sendJson(response, 403, { error: error.code, message: error.message });
    }
  }

  const httpServer: HttpServer = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }) : createHttpServer();
  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handleRequest(request, response).catch((error: unknown) => {
      logEvent('error', 'relay-request-failed', { error: error instanceof Error ? error.name : 'unknown' });
      if (!response.headersSent) sendJson(response, 500, { error: 'internal' });
    });
  });

  // Small until a socket proves a member (ws refuses a bigger frame at its header, unbuffered);
  // raised to MAX_FRAME_BYTES for that socket once it has (ws-payload-limit.ts).
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PREAUTH_FRAME_BYTES, perMessageDeflate: false });
  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const unauthenticated = [...sockets.values()].filter((state) => state.memberId === null).length;
    if (unauthenticated >= MAX_UNAUTHENTICATED_SOCKETS) {
      refusals.refuse('too-many-unauthenticated');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (websocket) => acceptSocket(websocket, request));
  });

  function acceptSocket(socket: WebSocket, request: IncomingMessage): void {
    const state: SocketState = {
      memberId: null,
      socketId: null,
      deadline: setTimeout(() => refuseSocket(socket, 'auth-deadline'), AUTH_DEADLINE_MS),
    };
    sockets.set(socket, state);
    const connection = hocuspocus.handleConnection(socket, toWebRequest(request), { socket });
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      if (!isBinary || (state.memberId === null && bytes.length > MAX_PREAUTH_FRAME_BYTES)) {
        refusals.refuse(isBinary ? 'oversized-preauth-frame' : 'text-frame');
        socket.terminate();
        return;
      }
      connection.handleMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    socket.on('close', (code: number, reason: Buffer) => {
      clearTimeout(state.deadline);
      sockets.delete(socket);
      if (state.socketId) challenges.forgetSocket(state.socketId);
      connection.handleClose({ code, reason: reason.toString('utf8') } as CloseEvent);
    });
    socket.on('error', () => {
      refusals.refuse('socket-error');
      socket.terminate();
    });
  }

  // A revoked member's open connections end at once, whichever relay process they are on:
  // every process watches the shared membership revision.
  let seenRevision = membersRevision(relay);
  const revocationWatch = setInterval(() => {
    const revision = membersRevision(relay);
    if (revision === seenRevision) return;
    seenRevision = revision;
    const stillActive = new Map<string, boolean>();
    for (const [socket, state] of sockets) {
      if (state.memberId === null) continue;
      let active = stillActive.get(state.memberId);
      if (active === undefined) {
        const row = relay.db.prepare('SELECT revoked_at FROM relay_members WHERE id = ?').get(state.memberId) as { revoked_at: string | null } | undefined;
        active = row !== undefined && row.revoked_at === null;
        stillActive.set(state.memberId, active);
      }
      if (!active) {
        logEvent('info', 'relay-revoked-connection-closed', { memberId: state.memberId });
        socket.close(4403, 'revoked');
      }
    }
  }, REVOCATION_POLL_MS);
  revocationWatch.unref();
  const sweep = setInterval(() => challenges.sweep(), 60_000);
  sweep.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ host: options.host, port: options.port }, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `${options.tls ? 'wss' : 'ws'}://${hostPart}:${port}`;
  logEvent('info', 'relay-listening', { port, tls: Boolean(options.tls), redis: Boolean(options.redis) });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    stats: () => ({
      openSockets: sockets.size,
      unauthenticatedSockets: [...sockets.values()].filter((state) => state.memberId === null).length,
      documents: hocuspocus.getDocumentsCount(),
      refusals: refusals.total,
    }),
    close() {
      closing ??= (async () => {
        clearInterval(revocationWatch);
        clearInterval(sweep);
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          for (const socket of sockets.keys()) socket.close(1001, 'relay-shutting-down');
          httpServer.closeAllConnections?.();
        });
        hocuspocus.flushPendingStores();
        // Let the flushed stores finish before the storage goes away.
        for (let waited = 0; waited < 5000 && hocuspocus.getDocumentsCount() > 0; waited += 50) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
        await store.close();
        logEvent('info', 'relay-stopped');
      })();
      return closing;
    },
  };
}

