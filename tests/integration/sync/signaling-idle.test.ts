import { afterEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../../main/sync/signaling-server';
import { sleep, TestClient } from './signaling-test-client';

/**
 * A laptop that sleeps mid-meeting leaves a socket that never speaks again; the server
 * must notice and let it go. A quiet but alive client (a browser answers ws pings by
 * itself, y-webrtc also pings every 15 s) must not be cut.
 */
const IDLE_TIMEOUT_MS = 400;

describe('idle timeout', () => {
  let server: SignalingServer | undefined;
  const clients: TestClient[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await server?.close();
  });

  it('closes a connection that neither sends nor answers pings, and keeps live ones', async () => {
    server = await startSignalingServer({ host: '127.0.0.1', port: 0, idleTimeoutMs: IDLE_TIMEOUT_MS });
    const url = server.url;
    const opened = Date.now();
    // autoPong off: this one is as silent as a suspended laptop.
    const silent = await TestClient.connect(url, { autoPong: false });
    // Sends nothing, but its ws stack answers the server's pings, as a browser tab does.
    const quiet = await TestClient.connect(url);
    // Never answers pings, but talks (y-webrtc's own ping) more often than the timeout.
    const chatty = await TestClient.connect(url, { autoPong: false });
    clients.push(silent, quiet, chatty);
    silent.subscribe('room-a');
    chatty.subscribe('room-a');

    const chatter = setInterval(() => chatty.send({ type: 'ping' }), IDLE_TIMEOUT_MS / 4);
    try {
      await Promise.race([
        silent.closed,
        sleep(IDLE_TIMEOUT_MS * 5).then(() => Promise.reject(new Error('silent client was never closed'))),
      ]);
      const lasted = Date.now() - opened;
      expect(lasted).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS - 50);
      expect(lasted).toBeLessThan(IDLE_TIMEOUT_MS * 3);
      // Give the survivors well past the timeout to prove they are not just lucky.
      await sleep(IDLE_TIMEOUT_MS * 2);
      expect(quiet.isOpen).toBe(true);
      expect(chatty.isOpen).toBe(true);
    } finally {
      clearInterval(chatter);
    }
    const stats = server.stats();
    expect(stats.disconnected.idle).toBe(1);
    expect(stats).toMatchObject({ connections: 2, topics: 1, subscriptions: 1 });
  });

  it('close() ends quiet connections itself and its sweep no longer runs', async () => {
    server = await startSignalingServer({ host: '127.0.0.1', port: 0, idleTimeoutMs: 100 });
    const client = await TestClient.connect(server.url, { autoPong: false });
    clients.push(client);
    await server.close();
    await client.closed;
    await sleep(300);
    expect(server.stats().disconnected.idle).toBe(0);
  });
});
