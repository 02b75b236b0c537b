import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../../main/sync/signaling-server';
import { TestClient, waitUntil } from './signaling-test-client';

/**
 * The relay as a meeting uses it: participants join a room (topic), see each other's
 * frames, and nobody outside the room sees anything.
 */
describe('signaling relay', () => {
  let server: SignalingServer;
  const clients: TestClient[] = [];
  const connect = async (): Promise<TestClient> => {
    const client = await TestClient.connect(server.url);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await server.close();
  });

  it('listens on the given host with an OS-picked port', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
  });

  it('relays publishes between subscribers of a topic and nowhere else', async () => {
    const nurse = await connect();
    const doctor = await connect();
    const stranger = await connect();
    nurse.subscribe('room-a');
    doctor.subscribe('room-a');
    stranger.subscribe('room-b');
    await Promise.all([nurse.roundTrip(), doctor.roundTrip(), stranger.roundTrip()]);

    nurse.send({ type: 'publish', topic: 'room-a', data: { type: 'announce', from: 'nurse' } });
    const atDoctor = await doctor.waitFor((frame) => frame.type === 'publish', 'nurse announce at doctor');
    expect(atDoctor).toEqual({
      type: 'publish',
      topic: 'room-a',
      data: { type: 'announce', from: 'nurse' },
      clients: 2,
    });

    doctor.send({ type: 'publish', topic: 'room-a', data: { type: 'announce', from: 'doctor' } });
    const atNurse = await nurse.waitFor((frame) => frame.type === 'publish', 'doctor announce at nurse');
    expect(atNurse).toMatchObject({ topic: 'room-a', data: { from: 'doctor' }, clients: 2 });

    // Round trips after the publishes prove anything that was going to arrive has.
    await Promise.all([nurse.roundTrip(), doctor.roundTrip(), stranger.roundTrip()]);
    expect(stranger.publishes()).toEqual([]);
    // No echo to the sender: y-webrtc discards its own frames anyway.
    expect(nurse.publishes()).toHaveLength(1);
    expect(doctor.publishes()).toHaveLength(1);
    expect(server.stats()).toMatchObject({ connections: 3, topics: 2, subscriptions: 3, relayedFrames: 2 });
  });

  it('answers ping with pong', async () => {
    const client = await connect();
    client.send({ type: 'ping' });
    expect(await client.waitFor((frame) => frame.type === 'pong', 'pong')).toEqual({ type: 'pong' });
  });

  it('answers WebSocket-level pings with the same payload', async () => {
    const client = await connect();
    const echoed = new Promise<string>((resolve) => client.socket.once('pong', (data) => resolve(data.toString())));
    client.socket.ping(Buffer.from('are-you-there'));
    expect(await echoed).toBe('are-you-there');
  });

  it('stops relaying after unsubscribe and forgets empty topics', async () => {
    const nurse = await connect();
    const doctor = await connect();
    nurse.subscribe('room-a', 'room-c');
    doctor.subscribe('room-a');
    await Promise.all([nurse.roundTrip(), doctor.roundTrip()]);
    expect(server.stats().topics).toBe(2);

    doctor.send({ type: 'unsubscribe', topics: ['room-a'] });
    await doctor.roundTrip();
    nurse.send({ type: 'publish', topic: 'room-a', data: 'after-unsubscribe' });
    await Promise.all([nurse.roundTrip(), doctor.roundTrip()]);
    expect(doctor.publishes()).toEqual([]);

    await nurse.close();
    await waitUntil(() => server.stats().connections === 1, 'nurse to be gone');
    expect(server.stats()).toMatchObject({ topics: 0, subscriptions: 0 });
  });

  it('drops publishes from a connection that has not joined the topic', async () => {
    const member = await connect();
    const outsider = await connect();
    member.subscribe('room-a');
    await member.roundTrip();
    outsider.send({ type: 'publish', topic: 'room-a', data: 'injected' });
    await Promise.all([outsider.roundTrip(), member.roundTrip()]);
    expect(member.publishes()).toEqual([]);
    expect(server.stats().dropped['not-subscribed']).toBe(1);
  });

  it('answers plain HTTP with 426 and keeps serving WebSockets', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/' }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(426);
    await (await connect()).roundTrip();
  });

  it('close() ends every socket with 1001 and can be called twice', async () => {
    const nurse = await connect();
    nurse.subscribe('room-a');
    await nurse.roundTrip();
    await Promise.all([server.close(), server.close()]);
    expect(await nurse.closed).toBe(1001);
    await expect(TestClient.connect(server.url)).rejects.toThrow();
  });
});

describe('connection cap', () => {
  it('refuses upgrades past maxConnections with HTTP 503 and admits again once a slot frees', async () => {
    const server = await startSignalingServer({ host: '127.0.0.1', port: 0, maxConnections: 2 });
    try {
      const first = await TestClient.connect(server.url);
      const second = await TestClient.connect(server.url);
      await expect(TestClient.connect(server.url)).rejects.toThrow(/503/);
      expect(server.stats().rejectedConnections).toBe(1);
      await first.close();
      await waitUntil(() => server.stats().connections === 1, 'slot to free');
      const third = await TestClient.connect(server.url);
      await third.roundTrip();
      await Promise.all([second.close(), third.close()]);
    } finally {
      await server.close();
    }
  });

  it('refuses to bind every interface unless asked', async () => {
    await expect(startSignalingServer({ host: '0.0.0.0', port: 0 })).rejects.toThrow(/every interface/);
    await expect(startSignalingServer({ host: '127.0.0.1', port: 70_000 })).rejects.toThrow(RangeError);
    await expect(startSignalingServer({ host: '127.0.0.1', port: 0, maxFrameBytes: 0 })).rejects.toThrow(RangeError);
  });
});
