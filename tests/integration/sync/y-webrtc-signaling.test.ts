import { webcrypto } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { WebSocket } from 'ws';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../../main/sync/signaling-server';
import { TestClient, waitUntil, type Frame } from './signaling-test-client';

/**
 * The real y-webrtc client against our server: a WebrtcProvider with a meeting password
 * (so every relayed `data` is AES-GCM ciphertext) finds a second participant through the
 * signaling server and sends it a WebRTC offer. Node has no WebRTC, so simple-peer gets a
 * stand-in RTCPeerConnection that produces an offer; everything on the signaling path is
 * y-webrtc's own code. The second participant is a bare socket speaking the same JSON and
 * the same encryption (re-implemented here from y-webrtc/src/crypto.js, which the package
 * does not export).
 */
const ROOM = 'carehouse-plan-5f1e9a7c';
const MEETING_CODE = 'river-4712-oak';

async function deriveRoomKey(secret: string, roomName: string): Promise<CryptoKey> {
  const utf8 = new TextEncoder();
  const material = await webcrypto.subtle.importKey('raw', utf8.encode(secret), 'PBKDF2', false, ['deriveKey']);
  return webcrypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: utf8.encode(roomName), iterations: 100_000, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

async function sealForRoom(data: { [field: string]: string }, key: CryptoKey): Promise<string> {
  const plain = encoding.createEncoder();
  encoding.writeAny(plain, data);
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const cipher = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoding.toUint8Array(plain));
  const envelope = encoding.createEncoder();
  encoding.writeVarString(envelope, 'AES-GCM');
  encoding.writeVarUint8Array(envelope, iv);
  encoding.writeVarUint8Array(envelope, new Uint8Array(cipher));
  return toBase64(encoding.toUint8Array(envelope));
}

async function openFromRoom(base64: string, key: CryptoKey): Promise<Record<string, unknown>> {
  const envelope = decoding.createDecoder(fromBase64(base64));
  expect(decoding.readVarString(envelope)).toBe('AES-GCM');
  const iv = decoding.readVarUint8Array(envelope);
  const cipher = decoding.readVarUint8Array(envelope);
  const plain = await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, cipher);
  return decoding.readAny(decoding.createDecoder(new Uint8Array(plain))) as Record<string, unknown>;
}

/** Just enough RTCPeerConnection for simple-peer to create an offer and be destroyed. */
class StandInPeerConnection {
  localDescription: { type: string; sdp: string } | null = null;
  createDataChannel(label: string) {
    return { label, readyState: 'connecting', close: () => undefined };
  }
  createOffer() {
    return Promise.resolve({ type: 'offer', sdp: 'v=0\r\ns=carehouse-stand-in\r\n' });
  }
  setLocalDescription(description: { type: string; sdp: string }) {
    this.localDescription = description;
    return Promise.resolve();
  }
  close() {}
}
const standInWrtc = {
  RTCPeerConnection: StandInPeerConnection,
  RTCSessionDescription: class {},
  RTCIceCandidate: class {},
};

describe('y-webrtc client against the CareHouse signaling server', () => {
  let server: SignalingServer | undefined;
  let provider: WebrtcProvider | undefined;
  let peer: TestClient | undefined;

  afterEach(async () => {
    provider?.disconnect(); // destroy() alone leaves y-webrtc's shared socket open
    provider?.destroy();
    await peer?.close();
    await server?.close();
  });

  it('announces, discovers a peer and relays its offer, all encrypted end to end', async () => {
    // lib0's client uses the browser WebSocket global, which Node 20 lacks.
    const globals = globalThis as { WebSocket?: unknown };
    globals.WebSocket ??= WebSocket;

    server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    const key = await deriveRoomKey(MEETING_CODE, ROOM);
    const participant = await TestClient.connect(server.url);
    peer = participant;
    participant.subscribe(ROOM);
    await participant.roundTrip();

    const doc = new Y.Doc();
    provider = new WebrtcProvider(ROOM, doc, {
      signaling: [server.url],
      password: MEETING_CODE,
      peerOpts: { wrtc: standInWrtc },
    });
    const discovered: string[] = [];
    provider.on('peers', (event: { added: string[] }) => discovered.push(...event.added));

    // 1. The provider subscribes and announces itself; the server relays the ciphertext.
    const opened: Array<Record<string, unknown>> = [];
    const openAll = async (frames: Frame[]) => {
      opened.length = 0;
      for (const frame of frames) opened.push(await openFromRoom(String(frame.data), key));
    };
    await waitUntil(() => participant.publishes().length > 0, 'the provider to announce itself');
    const [announce] = participant.publishes();
    expect(announce).toMatchObject({ type: 'publish', topic: ROOM, clients: 2 });
    expect(typeof announce?.data).toBe('string'); // ciphertext, not the peer id in clear
    await openAll(participant.publishes());
    const providerPeerId = provider.room?.peerId;
    expect(providerPeerId).toEqual(expect.any(String));
    expect(opened[0]).toEqual({ type: 'announce', from: providerPeerId });

    // 2. Our peer announces back; the provider treats it as a new participant...
    participant.send({ type: 'publish', topic: ROOM, data: await sealForRoom({ type: 'announce', from: 'peer-b' }, key) });
    await waitUntil(() => discovered.includes('peer-b'), 'the provider to discover peer-b');

    // 3. ...and signals an offer addressed to it through the server.
    let offer: Record<string, unknown> | undefined;
    const deadline = Date.now() + 5000;
    while (offer === undefined && Date.now() < deadline) {
      await openAll(participant.publishes());
      offer = opened.find((data) => data.type === 'signal' && data.to === 'peer-b');
      if (offer === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(offer).toMatchObject({
      type: 'signal',
      from: providerPeerId,
      to: 'peer-b',
      signal: { type: 'offer', sdp: expect.stringContaining('carehouse-stand-in') },
    });

    expect(server.stats()).toMatchObject({ connections: 2, topics: 1, subscriptions: 2 });
    const dropped = Object.values(server.stats().dropped).reduce((sum, count) => sum + count, 0);
    expect(dropped).toBe(0);

    // 4. Leaving the room unsubscribes and closes y-webrtc's socket.
    provider.disconnect();
    const running = server;
    await waitUntil(() => running.stats().connections === 1, 'the provider socket to close');
    expect(server.stats().subscriptions).toBe(1);
    expect(participant.garbage).toEqual([]);
  });
});
