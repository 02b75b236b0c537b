import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { payloadLimitOf, raisePayloadLimit } from '../../../main/relay/ws-payload-limit';

/** The shape of `ws` the relay relies on: a per-socket receiver limit checked before buffering. */
describe('ws payload limit adapter', () => {
  it('a frame over the small limit closes the socket (1009) until the limit is raised; then it passes', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 1024 });
    await once(server, 'listening');
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const received: number[] = [];
    server.on('connection', (socket, request) => {
      if (request.url === '/raised') {
        expect(payloadLimitOf(socket)).toBe(1024);
        expect(raisePayloadLimit(socket, 1024 * 1024)).toBe(true);
      }
      socket.on('message', (data: Buffer) => received.push(data.length));
      socket.on('error', () => undefined);
    });

    const small = new WebSocket(`${url}/small`);
    await once(small, 'open');
    small.send(Buffer.alloc(4096));
    const [code] = (await once(small, 'close')) as [number];
    expect(code).toBe(1009);
    expect(received).toEqual([]);

    const raised = new WebSocket(`${url}/raised`);
    await once(raised, 'open');
    raised.send(Buffer.alloc(4096));
    await new Promise<void>((resolve) => {
      const check = () => (received.length > 0 ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(received).toEqual([4096]);
    raised.close();
    server.close();
  });
});
