import { randomBytes } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../../main/sync/signaling-server';
import { sleep, TestClient, waitUntil, type Frame } from './signaling-test-client';

/**
 * Two participants keep a conversation going in room A while attackers throw everything
 * at room B and at the server itself. The participants must get every frame they are owed,
 * in order, and nothing else; the server must stay up and count what it refused.
 */
const ROOM_A = 'room-a-0f3c';
const ROOM_B = 'room-b-77aa';
const MIN_ROUNDS = 40;
const WAVES = 3;
const MAX_ROUNDS = 3000;
const ROUND_TIMEOUT_MS = 3000;

interface Conversation {
  rounds: number;
  done: Promise<void>;
}

/** Alice and Bob each publish one numbered frame per round and wait to see the other's. */
function converse(alice: TestClient, bob: TestClient, keepGoing: () => boolean): Conversation {
  const conversation: Conversation = { rounds: 0, done: Promise.resolve() };
  conversation.done = (async () => {
    for (let round = 0; round < MAX_ROUNDS && (round < MIN_ROUNDS || keepGoing()); round += 1) {
      alice.send({ type: 'publish', topic: ROOM_A, data: { type: 'announce', from: 'alice', seq: round } });
      bob.send({ type: 'publish', topic: ROOM_A, data: { type: 'announce', from: 'bob', seq: round } });
      const sawSeq = (client: TestClient, from: string) => (): boolean =>
        client.publishes().some((frame) => {
          const data = frame.data as { from?: unknown; seq?: unknown } | undefined;
          return data?.from === from && data.seq === round;
        });
      await waitUntil(sawSeq(bob, 'alice'), `bob to get alice #${round}`, ROUND_TIMEOUT_MS);
      await waitUntil(sawSeq(alice, 'bob'), `alice to get bob #${round}`, ROUND_TIMEOUT_MS);
      conversation.rounds = round + 1;
      await sleep(2);
    }
  })();
  return conversation;
}

/** A masked text-frame header announcing `length` bytes, as a client must send it. */
function frameHeader(length: number): Buffer {
  const header = Buffer.alloc(8);
  header[0] = 0x81; // FIN + text
  header[1] = 0x80 | 126; // masked, 16-bit length follows
  header.writeUInt16BE(length, 2);
  randomBytes(4).copy(header, 4);
  return header;
}

const seqsFrom = (frames: Frame[], from: string): unknown[] =>
  frames
    .map((frame) => frame.data as { from?: unknown; seq?: unknown })
    .filter((data) => data.from === from)
    .map((data) => data.seq);

describe('signaling server under attack', () => {
  let server: SignalingServer;
  const clients: TestClient[] = [];
  const connect = async (): Promise<TestClient> => {
    const client = await TestClient.connect(server.url);
    clients.push(client);
    return client;
  };

  const logLines: string[] = [];

  beforeEach(async () => {
    logLines.length = 0;
    server = await startSignalingServer({ host: '127.0.0.1', port: 0, log: (line) => logLines.push(line) });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await server.close();
  });

  it('keeps room A talking while room B and the server are fuzzed', async () => {
    const alice = await connect();
    const bob = await connect();
    const carol = await connect(); // an honest participant in the attacked room
    alice.subscribe(ROOM_A);
    bob.subscribe(ROOM_A);
    carol.subscribe(ROOM_B);
    await Promise.all([alice.roundTrip(), bob.roundTrip(), carol.roundTrip()]);

    let attacking = true;
    const conversation = converse(alice, bob, () => attacking);

    const attacks: Array<() => Promise<void>> = [
      async function malformedJson() {
        const attacker = await connect();
        attacker.subscribe(ROOM_B);
        for (const text of ['{', '{"type":"publish"', 'not json', '', '\u0000\u0001', '{"type":"publish",}', '[1,']) {
          attacker.sendRaw(text);
        }
        await attacker.roundTrip();
        await attacker.close();
      },
      async function binaryJunk() {
        const attacker = await connect();
        for (let i = 0; i < 50; i += 1) attacker.sendRaw(randomBytes(1 + (i * 97) % 4000), true);
        await attacker.roundTrip();
        await attacker.close();
      },
      async function notObjectsAndUnknownTypes() {
        const attacker = await connect();
        attacker.subscribe(ROOM_B);
        for (const text of ['null', '42', '"publish"', '[{"type":"publish"}]', 'true']) attacker.sendRaw(text);
        for (const frame of [
          {},
          { type: 'PUBLISH', topic: ROOM_B },
          { type: { nested: 'type' } },
          { type: 'subscribe' },
          { type: 'subscribe', topics: 'room-b' },
          { type: 'subscribe', topics: [42, null] },
          { type: 'publish' },
          { type: 'publish', topic: 7 },
          { type: 'publish', topic: '' },
          { type: 'publish', topic: ['room-b'] },
          { type: '__proto__' },
          JSON.parse('{"__proto__":{"polluted":true},"type":"publish","topic":"room-b-77aa"}') as unknown,
        ]) {
          attacker.send(frame);
        }
        await attacker.roundTrip();
        await attacker.close();
      },
      async function oversizedFrame() {
        const attacker = await connect();
        attacker.sendRaw(JSON.stringify({ type: 'publish', topic: ROOM_B, data: 'x'.repeat(64 * 1024) }));
        expect(await attacker.closed).toBe(1009);
      },
      async function thousandTopics() {
        const attacker = await connect();
        attacker.subscribe(...Array.from({ length: 1000 }, (_, i) => `topic-${i}`));
        for (let i = 0; i < 40; i += 1) attacker.subscribe(`one-by-one-${i}`);
        await attacker.roundTrip();
        await attacker.close();
      },
      async function flood() {
        const attacker = await connect();
        attacker.subscribe(ROOM_B);
        for (let i = 0; i < 5000 && attacker.isOpen; i += 1) {
          attacker.send({ type: 'publish', topic: ROOM_B, data: { type: 'announce', from: `flood-${i}` } });
        }
        await attacker.closed;
      },
      async function wsPingFlood() {
        // Control frames bypass JSON entirely; they must still go through the bucket.
        const attacker = await connect();
        for (let i = 0; i < 5000 && attacker.isOpen; i += 1) attacker.socket.ping();
        await attacker.closed;
      },
      async function hugeTopicNames() {
        const attacker = await connect();
        attacker.subscribe('t'.repeat(129));
        attacker.subscribe('é'.repeat(20_000));
        attacker.send({ type: 'publish', topic: 'x'.repeat(60_000), data: 'x' });
        attacker.send({ type: 'unsubscribe', topics: ['y'.repeat(1000)] });
        await attacker.roundTrip();
        await attacker.close();
      },
      async function nestedJunk() {
        const attacker = await connect();
        attacker.subscribe(ROOM_B);
        const deep = `{"type":"publish","topic":"${ROOM_B}","data":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
        attacker.sendRaw(deep);
        const wide = { type: 'publish', topic: ROOM_B, data: Array.from({ length: 2000 }, (_, i) => ({ [i]: [i] })) };
        attacker.send(wide); // wide but shallow: legal, and relayed to carol
        let nested: unknown = 'leaf';
        for (let i = 0; i < 40; i += 1) nested = { a: nested, b: [nested === 'leaf' ? 1 : 2] };
        attacker.send({ type: 'publish', topic: ROOM_B, data: nested });
        await attacker.roundTrip();
        await attacker.close();
      },
      async function abruptDisconnects() {
        for (let i = 0; i < 20; i += 1) {
          const attacker = await connect();
          attacker.subscribe(ROOM_B, `doomed-${i}`);
          attacker.send({ type: 'publish', topic: ROOM_B, data: 'before the crash' });
          // Half a frame, then the cable is pulled.
          attacker.tcp.write(Buffer.concat([frameHeader(1000), randomBytes(10)]));
          if (i % 2 === 0) attacker.tcp.destroy();
          else attacker.socket.terminate();
        }
        // Raw TCP that never finishes its HTTP upgrade.
        for (let i = 0; i < 10; i += 1) {
          const socket = connectTcp(server.port, '127.0.0.1');
          socket.on('error', () => undefined);
          await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
          socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-K`);
          socket.destroy();
        }
      },
      async function brokenFraming() {
        const unmasked = await connect();
        unmasked.tcp.write(Buffer.from([0x81, 0x05, ...Buffer.from('hello')]));
        await unmasked.closed;
        const badUtf8 = await connect();
        badUtf8.sendRaw(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), false);
        await badUtf8.closed;
      },
      async function publishIntoRoomAFromOutside() {
        const attacker = await connect();
        attacker.send({ type: 'publish', topic: ROOM_A, data: { type: 'announce', from: 'mallory', seq: 0 } });
        await attacker.roundTrip();
        await attacker.close();
      },
    ];

    try {
      for (let wave = 0; wave < WAVES; wave += 1) await Promise.all(attacks.map((attack) => attack()));
    } finally {
      attacking = false;
    }
    await conversation.done;
    expect(conversation.rounds).toBeGreaterThanOrEqual(MIN_ROUNDS);

    // Every frame owed, in order, exactly once; nothing from anyone else.
    await Promise.all([alice.roundTrip(), bob.roundTrip()]);
    const expected = Array.from({ length: conversation.rounds }, (_, i) => i);
    expect(seqsFrom(bob.publishes(), 'alice')).toEqual(expected);
    expect(seqsFrom(alice.publishes(), 'bob')).toEqual(expected);
    expect(alice.publishes()).toHaveLength(conversation.rounds);
    expect(bob.publishes()).toHaveLength(conversation.rounds);
    for (const client of [alice, bob, carol]) {
      expect(client.garbage).toEqual([]);
      expect(client.isOpen).toBe(true);
    }
    expect({}).not.toHaveProperty('polluted');

    // Carol, in the attacked room, got only well-formed relays and is still served.
    for (const frame of carol.publishes()) expect(frame.topic).toBe(ROOM_B);
    await carol.roundTrip();

    await waitUntil(() => server.stats().connections === 3, 'attackers to be gone');
    const stats = server.stats();
    expect(stats.topics).toBe(2);
    expect(stats.subscriptions).toBe(3);
    for (const reason of [
      'malformed-json',
      'binary',
      'not-an-object',
      'unknown-type',
      'invalid-topic',
      'too-many-topics',
      'too-deep',
      'rate-limited',
      'not-subscribed',
      'oversized',
    ] as const) {
      expect(stats.dropped[reason], reason).toBeGreaterThan(0);
    }
    // One 1000-topic subscribe plus 24 single subscribes past the cap of 16, per wave.
    expect(stats.dropped['too-many-topics']).toBe(25 * WAVES);
    expect(stats.disconnected.flood).toBe(2 * WAVES);
    expect(stats.disconnected.oversized).toBe(WAVES);
    expect(stats.disconnected['protocol-error']).toBe(2 * WAVES);

    // The log says what happened in counts and reasons, never what anyone sent.
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      expect(line).toMatch(/^\[signaling\] closed a connection \([a-z-]+\); \d+ open$/);
    }

    // And a newcomer is served as usual.
    const dave = await connect();
    dave.subscribe(ROOM_A);
    await dave.roundTrip();
    alice.send({ type: 'publish', topic: ROOM_A, data: { type: 'announce', from: 'alice', seq: 'hello dave' } });
    await dave.waitFor((frame) => frame.type === 'publish', 'dave to hear alice');
  });

  it('drops a receiver that stops reading instead of buffering for it', async () => {
    await server.close();
    server = await startSignalingServer({
      host: '127.0.0.1',
      port: 0,
      maxBufferedBytes: 256 * 1024,
      messagesPerSecond: 10_000,
      messageBurst: 10_000,
    });
    const sender = await connect();
    const reader = await connect();
    const stalled = await connect();
    for (const client of [sender, reader, stalled]) client.subscribe(ROOM_B);
    await Promise.all([sender.roundTrip(), reader.roundTrip(), stalled.roundTrip()]);
    stalled.tcp.pause(); // stops reading: the kernel buffers fill, then the server's queue grows

    const chunk = 'z'.repeat(60 * 1024);
    let sent = 0;
    for (; sent < 2000 && server.stats().disconnected['slow-consumer'] === 0; sent += 1) {
      sender.send({ type: 'publish', topic: ROOM_B, data: chunk });
      // Let the reader keep up so only the stalled client falls behind.
      if (sent % 8 === 7) await waitUntil(() => reader.publishes().length === sent + 1, 'reader to keep up');
    }
    expect(server.stats().disconnected['slow-consumer']).toBe(1);
    stalled.tcp.resume();
    await stalled.closed;
    // The healthy reader received everything that was sent.
    await reader.roundTrip();
    await sender.roundTrip();
    expect(reader.publishes()).toHaveLength(sent);
    expect(server.stats().connections).toBe(2);
  });
});
