import type { Socket } from 'node:net';
import { WebSocket, type ClientOptions, type RawData } from 'ws';

/**
 * A bare `ws` client that speaks the signaling protocol the way y-webrtc does, and keeps
 * everything it receives so tests can wait for (or rule out) a frame. Every wait is
 * bounded; every client ends up closed.
 */
export type Frame = Record<string, unknown>;

const POLL_MS = 5;

export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class TestClient {
  readonly received: Frame[] = [];
  /** Frames that were not JSON objects: the server should never send any. */
  readonly garbage: RawData[] = [];
  closeCode: number | undefined;
  readonly closed: Promise<number>;

  private constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => {
      socket.on('close', (code) => {
        this.closeCode = code;
        resolve(code);
      });
    });
    // Attack clients see resets and refused handshakes; those are expected, not failures.
    socket.on('error', () => undefined);
    socket.on('message', (data, isBinary) => {
      if (isBinary) return void this.garbage.push(data);
      try {
        const value: unknown = JSON.parse(data.toString());
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) this.received.push(value as Frame);
        else this.garbage.push(data);
      } catch {
        this.garbage.push(data);
      }
    });
  }

  static connect(url: string, options?: ClientOptions): Promise<TestClient> {
    const socket = new WebSocket(url, options);
    const client = new TestClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`handshake refused with HTTP ${response.statusCode}`)),
      );
      socket.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** The TCP socket under the WebSocket, for abrupt-disconnect and raw-frame attacks. */
  get tcp(): Socket {
    return (this.socket as unknown as { _socket: Socket })._socket;
  }

  send(frame: unknown): void {
    this.socket.send(JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer, binary = typeof data !== 'string'): void {
    this.socket.send(data, { binary });
  }

  subscribe(...topics: string[]): void {
    this.send({ type: 'subscribe', topics });
  }

  publishes(): Frame[] {
    return this.received.filter((frame) => frame.type === 'publish');
  }

  async waitFor(predicate: (frame: Frame) => boolean, what: string, timeoutMs = 5000): Promise<Frame> {
    let found: Frame | undefined;
    await waitUntil(() => (found = this.received.find(predicate)) !== undefined, what, timeoutMs);
    return found as Frame;
  }

  /** Ping/pong round trip: once the pong is back, every earlier frame was processed. */
  async roundTrip(timeoutMs = 5000): Promise<void> {
    const pongsBefore = this.received.filter((frame) => frame.type === 'pong').length;
    this.send({ type: 'ping' });
    await waitUntil(
      () => this.received.filter((frame) => frame.type === 'pong').length > pongsBefore,
      'pong',
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
    const timer = setTimeout(() => this.socket.terminate(), 1000);
    await this.closed;
    clearTimeout(timer);
  }
}
