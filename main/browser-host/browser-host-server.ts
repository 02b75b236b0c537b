import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { limits } from '../../shared/contract';
import { logEvent } from '../logging/log';
import { dispatchCall } from '../services/dispatch-call';
import type { HandlerTable } from '../services/handler-table';
import { contentSecurityPolicy } from './content-security-policy';
import { hostRequestSchema } from './host-protocol';
import { readStaticFile, resolveStaticFile } from './static-files';

export interface BrowserHostOptions {
  handlers: HandlerTable;
  rendererDir: string;
  port: number;
}

export interface BrowserHost {
  url: string;
  origin: string;
  token: string;
  close: () => Promise<void>;
}

function tokensMatch(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendStatic(rendererDir: string, request: IncomingMessage, response: ServerResponse): void {
  const found = request.method === 'GET' ? resolveStaticFile(rendererDir, request.url ?? '/') : undefined;
  if (!found) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  response.writeHead(200, {
    'content-type': found.contentType,
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  response.end(readStaticFile(found.file));
}

function reply(socket: WebSocket, id: number | null, result: unknown): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, result }));
}

async function handleFrame(socket: WebSocket, handlers: HandlerTable, data: RawData, isBinary: boolean): Promise<void> {
  const refuse = (message: string) => reply(socket, null, { ok: false, error: { code: 'invalid-input', message } });
  if (isBinary) return refuse('Binary frames are not accepted.');
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(data.toString());
  } catch {
    return refuse('That request was not valid JSON.');
  }
  const request = hostRequestSchema.safeParse(parsedJson);
  if (!request.success) return refuse('That request was not in the expected shape.');
  const result = await dispatchCall(handlers, request.data.call, request.data.input);
  reply(socket, request.data.id, result);
}

/**
 * Serves the built renderer and the contract over a WebSocket on 127.0.0.1 only.
 * A random token minted per launch must accompany the WebSocket upgrade, and the
 * Origin must be this server's own, so another local page or program cannot call in.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const server: Server = createServer((request, response) => sendStatic(options.rendererDir, request, response));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.hostFrameBytes });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname !== '/api' || !tokensMatch(token, url.searchParams.get('token')) || request.headers.origin !== origin) {
      logEvent('warn', 'host-upgrade-refused', { path: url.pathname === '/api' ? 'api' : 'other' });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => {
      client.on('message', (data, isBinary) => {
        handleFrame(client, options.handlers, data, isBinary).catch(() => reply(client, null, { ok: false, error: { code: 'internal', message: 'Request failed.' } }));
      });
      client.on('error', () => client.terminate());
    });
  });

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
