import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small HTTP helpers for the relay's few JSON endpoints. */
export const MAX_REQUEST_BODY_BYTES = 4096;

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

/** Reads a small JSON body; null when it is too big or not JSON (the caller answers 400/413). */
export function readJsonBody(request: IncomingMessage): Promise<unknown | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BODY_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        resolve(null);
      }
    });
    request.on('error', () => resolve(null));
  });
}

/** A WHATWG Request for Hocuspocus, which reads headers and the query string from it. */
export function toWebRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  return new Request(`http://relay${request.url ?? '/'}`, { headers });
}
