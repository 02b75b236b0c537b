import type { CallResult } from '../../shared/contract';
import type { CallTransport } from './call-transport';

interface Pending {
  resolve: (result: CallResult<unknown>) => void;
}

const TOKEN_KEY = 'carehouse-host-token';

/** What to do when the browser host has stopped or restarted (shown where the save status is). */
export const HOST_GONE_MESSAGE =
  'CareHouse on this computer has stopped or restarted, so this page cannot save. Keep this page open; start CareHouse again ' +
  '(npm run start:browser) and open the new address it prints — each start has a new one. What is already saved is safe.';

/** The per-launch token: read from the URL once, then kept out of the address bar. */
export function takeHostToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/**
 * The browser host's transport: contract calls over one WebSocket to 127.0.0.1.
 * Calls made while (re)connecting wait; if the host is gone they fail with a clear error.
 */
export function createWebSocketTransport(token: string): CallTransport {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let socket: WebSocket | undefined;
  let opening: Promise<WebSocket> | undefined;

  const failAll = (message: string) => {
    for (const [id, entry] of pending) {
      pending.delete(id);
      entry.resolve({ ok: false, error: { code: 'internal', message } });
    }
  };

  const connect = (): Promise<WebSocket> => {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise<WebSocket>((resolve, reject) => {
      const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
      const ws = new WebSocket(`${protocol}//${window.location.host}/api?token=${encodeURIComponent(token)}`);
      ws.onopen = () => {
        socket = ws;
        opening = undefined;
        resolve(ws);
      };
      ws.onerror = () => {
        opening = undefined;
        // A restarted host has a new address and token, so reloading THIS page cannot reach it.
        reject(new Error(HOST_GONE_MESSAGE));
      };
      ws.onclose = () => {
        socket = undefined;
        failAll('The connection to CareHouse closed. Your last change may not be saved; it will be retried.');
      };
      ws.onmessage = (event: MessageEvent<string>) => {
        let message: { id: number | null; result: CallResult<unknown> };
        try {
          message = JSON.parse(event.data) as typeof message;
        } catch {
          return;
        }
        if (message.id === null) return;
        const entry = pending.get(message.id);
        if (!entry) return;
        pending.delete(message.id);
        entry.resolve(message.result);
      };
    });
    return opening;
  };

  return async (call, input) => {
    let ws: WebSocket;
    try {
      ws = await connect();
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: (error as Error).message } };
    }
    const id = nextId++;
    return new Promise<CallResult<unknown>>((resolve) => {
      pending.set(id, { resolve });
      ws.send(JSON.stringify({ id, call, input }));
    });
  };
}
