import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayClient } from '../../../main/relay/relay-client';

/**
 * A sync round with nothing to sync destroys its client before the socket has opened. ws
 * then emits 'error' ("closed before the connection was established"); unheard, that
 * error took the whole browser host down (found by the meeting + relay end-to-end test).
 */
let server: WebSocketServer | undefined;
afterEach(async () => {
  server?.close();
  server = undefined;
});

describe('the relay client', () => {
  it('can be destroyed before its socket opens without an unhandled error', async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // Positive control: a bare ws socket closed while connecting does emit 'error'.
    const bare = new WebSocket(url);
    const errored = once(bare, 'error');
    bare.close();
    expect(((await errored)[0] as Error).message).toMatch(/closed before the connection was established/);

    const unhandled: unknown[] = [];
    const onUncaught = (error: unknown) => unhandled.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const signer = { publicKey: new Uint8Array(32), sign: () => new Uint8Array(64) };
      for (let i = 0; i < 5; i += 1) new RelayClient([url], signer).destroy();
      // Give the sockets time to be refused/closed and any error to surface.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(unhandled).toEqual([]);
  });
});
