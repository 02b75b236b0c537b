import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { MeetingAdmission } from '../../../main/sync/meeting-admission';
import { startSignalingServer, type SignalingServer } from '../../../main/sync/signaling-server';
import { deriveSignalingKey, signalingProof } from '../../../shared/meeting/signaling-proof';
import { TestClient, waitUntil, type Frame } from './signaling-test-client';

const CODE = 'K7QX-MRT3-A9HW';
const ROOM = 'carehouse-room-test';
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function hostedServer(options: { preAuthTimeoutMs?: number } = {}): Promise<{ server: SignalingServer; key: Uint8Array }> {
  const key = await deriveSignalingKey(CODE);
  const admission = new MeetingAdmission();
  admission.register({ key, chairKey: 'A'.repeat(43) + '=' });
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, admission, ...options });
  cleanup.push(() => server.close());
  return { server, key };
}

/** A client that proves the code when challenged, as the app does. */
async function joiner(url: string, key: Uint8Array, localAddress: string): Promise<TestClient> {
  const client = await TestClient.connect(url, { localAddress });
  cleanup.push(() => client.close());
  const challenge = await client.waitFor((frame) => frame.type === 'challenge', 'the challenge');
  client.send({ type: 'auth', proof: toBase64(signalingProof(key, fromBase64(String(challenge.nonce)))) });
  await client.waitFor((frame) => frame.type === 'welcome', 'the welcome');
  return client;
}

const editsIn = (client: TestClient): Frame[] => client.publishes().filter((frame) => typeof frame.update === 'string');

describe('signaling admission: proof of the meeting code, pre-auth slots, per-address caps', () => {
  it('250 idle sockets from 127.0.0.1 without the code do not stop two people from 127.0.0.2 joining and exchanging edits', async () => {
    const { server, key } = await hostedServer();
    const url = server.url;
    // The attack: 125 WebSocket upgrades that never answer the challenge, and 125 bare TCP
    // sockets that never send a byte, all from one address.
    const attempts = await Promise.allSettled(
      Array.from({ length: 125 }, () => TestClient.connect(url, { localAddress: '127.0.0.1' })),
    );
    const idle = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
    for (const client of idle) cleanup.push(() => client.close());
    const raw: Socket[] = [];
    for (let index = 0; index < 125; index += 1) {
      const socket = connect({ host: '127.0.0.1', port: server.port, localAddress: '127.0.0.1' });
      socket.on('error', () => undefined);
      raw.push(socket);
    }
    cleanup.push(() => raw.forEach((socket) => socket.destroy()));
    // Positive control: the attack did take what one address may have.
    expect(idle.length).toBeGreaterThan(0);
    expect(idle.length).toBeLessThanOrEqual(8);
    expect(server.stats().rejectedConnections).toBeGreaterThan(100);

    const tom = await joiner(url, key, '127.0.0.2');
    const priya = await joiner(url, key, '127.0.0.2');
    tom.subscribe(ROOM);
    priya.subscribe(ROOM);
    await tom.roundTrip();
    await priya.roundTrip();

    // An edit each way, carried as y-webrtc carries signaling data (here a Yjs update).
    const tomDoc = new Y.Doc();
    const priyaDoc = new Y.Doc();
    tomDoc.getText('whatMatters').insert(0, 'Gardening with my grandson');
    tom.send({ type: 'publish', topic: ROOM, update: toBase64(Y.encodeStateAsUpdate(tomDoc)) });
    await waitUntil(() => editsIn(priya).length === 1, 'Tom’s edit at Priya');
    Y.applyUpdate(priyaDoc, fromBase64(String(editsIn(priya)[0]?.update)));
    priyaDoc.getText('whatMatters').insert(0, 'Lunch club, ');
    priya.send({ type: 'publish', topic: ROOM, update: toBase64(Y.encodeStateAsUpdate(priyaDoc)) });
    await waitUntil(() => editsIn(tom).length === 1, 'Priya’s edit at Tom');
    Y.applyUpdate(tomDoc, fromBase64(String(editsIn(tom)[0]?.update)));
    expect(tomDoc.getText('whatMatters').toString()).toBe('Lunch club, Gardening with my grandson');
  });

  it('a socket without the proof gets nothing relayed and is closed after the pre-auth time; a wrong proof is closed at once', async () => {
    const { server, key } = await hostedServer({ preAuthTimeoutMs: 300 });
    const member = await joiner(server.url, key, '127.0.0.1');
    member.subscribe(ROOM);
    await member.roundTrip();

    const stranger = await TestClient.connect(server.url);
    cleanup.push(() => stranger.close());
    stranger.subscribe(ROOM);
    stranger.send({ type: 'publish', topic: ROOM, update: 'x' });
    member.send({ type: 'publish', topic: ROOM, update: 'to members only' });
    // Positive control: a second member does receive it.
    const other = await joiner(server.url, key, '127.0.0.1');
    other.subscribe(ROOM);
    await other.roundTrip();
    member.send({ type: 'publish', topic: ROOM, update: 'again' });
    await waitUntil(() => editsIn(other).length === 1, 'the member’s frame at the other member');
    expect(editsIn(stranger)).toEqual([]);
    expect(editsIn(member)).toEqual([]);
    expect(await stranger.closed).toBe(4401);

    const liar = await TestClient.connect(server.url);
    cleanup.push(() => liar.close());
    await liar.waitFor((frame) => frame.type === 'challenge', 'the challenge');
    liar.send({ type: 'auth', proof: toBase64(new Uint8Array(32)) });
    expect(await liar.closed).toBe(4401);
    expect(server.stats().disconnected.unauthenticated).toBe(2);
  });

  it('frames sent before the proof are handled after it (y-webrtc subscribes and announces at once)', async () => {
    const { server, key } = await hostedServer();
    const early = await TestClient.connect(server.url);
    cleanup.push(() => early.close());
    early.subscribe(ROOM);
    const challenge = await early.waitFor((frame) => frame.type === 'challenge', 'the challenge');
    const member = await joiner(server.url, key, '127.0.0.1');
    member.subscribe(ROOM);
    await member.roundTrip();
    early.send({ type: 'publish', topic: ROOM, update: 'announce' });
    early.send({ type: 'auth', proof: toBase64(signalingProof(key, fromBase64(String(challenge.nonce)))) });
    await waitUntil(() => editsIn(member).length === 1, 'the early announce, after the proof');
    const welcome = await early.waitFor((frame) => frame.type === 'welcome', 'the welcome');
    expect(welcome.chairKey).toBe('A'.repeat(43) + '=');
  });
});
