// Runs in Chromium (bundled by meeting-lab.ts): one meeting participant with the app's real
// meeting code (MeetingSession: y-webrtc through the adapter, guarded connections, the
// shared gate, plan checks) on a Y.Doc of the plan, without React or a store, so a
// benchmark can put many participants on one machine. Exposed as window.lab.
import { createSigningKeyPair, encodeKeyBytes, signBytes, signSessionCertificate } from '../../../shared/identity';
import * as Y from 'yjs';
import { getPlanText } from '../../../shared/plan';
import { MeetingSession } from '../../../renderer/sync/meeting/meeting-session';
import { planFingerprint } from '../../../renderer/sync/meeting/plan-consistency';

const FIELD = ['aboutMe', 'whatMatters'] as const;
const now = (): number => performance.timeOrigin + performance.now();
const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(() => resolve(now())));

let doc: Y.Doc | null = null;
let session: MeetingSession | null = null;
/** Text length -> when the frame after it arrived was painted (epoch ms, comparable across processes). */
const painted = new Map<number, number>();
const rawPainted = new Map<number, number>();
let raw: RTCPeerConnection | null = null;
let rawChannel: RTCDataChannel | null = null;

function text(): Y.Text {
  const found = doc ? getPlanText(doc, [...FIELD]) : undefined;
  if (!found) throw new Error('no field');
  return found;
}

async function iceComplete(connection: RTCPeerConnection): Promise<RTCSessionDescriptionInit> {
  if (connection.iceGatheringState !== 'complete') {
    await new Promise<void>((resolve) => connection.addEventListener('icegatheringstatechange', () => connection.iceGatheringState === 'complete' && resolve()));
  }
  const description = connection.localDescription;
  if (!description) throw new Error('no description');
  return { type: description.type, sdp: description.sdp };
}

function listenRaw(channel: RTCDataChannel): void {
  rawChannel = channel;
  channel.binaryType = 'arraybuffer';
  channel.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
    const seq = new DataView(event.data).getUint32(1);
    void nextFrame().then((at) => rawPainted.set(seq, at));
  });
}

const labIdentity = createSigningKeyPair();
function labCertificate(sessionKey: string, name: string) {
  const issuedAt = Date.now();
  return signSessionCertificate((bytes) => signBytes(labIdentity.secretKey, bytes), {
    identityKey: encodeKeyBytes(labIdentity.publicKey),
    sessionKey,
    name,
    role: 'Bench',
    issuedAt,
    expiresAt: issuedAt + 3_600_000,
  });
}

const lab = {
  async start(options: { signalingUrl: string; code: string; planId: string; state: number[]; name: string; noPeerTimeoutMs?: number }): Promise<void> {
    doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(options.state));
    text().observe(() => {
      const length = text().length;
      void nextFrame().then((at) => {
        if (!painted.has(length)) painted.set(length, at);
      });
    });
    session = await MeetingSession.start({
      doc,
      planId: options.planId,
      planName: () => 'Bench plan',
      signalingUrl: options.signalingUrl,
      code: options.code,
      me: { name: options.name, role: 'Bench' },
      chair: false,
      answerLobby: false,
      // No main in the lab page: its own identity key certifies the session key, as main would.
      certify: async (sessionKey) => labCertificate(sessionKey, options.name),
      ...(options.noPeerTimeoutMs === undefined ? {} : { noPeerTimeoutMs: options.noPeerTimeoutMs }),
    });
  },
  peers(): number {
    const status = session?.getSnapshot().status;
    return status?.kind === 'connected' ? status.peers : 0;
  },
  noOneReachable(): boolean {
    return session?.getSnapshot().noOneReachable ?? false;
  },
  /** Appends one character; returns when (epoch ms) and the text length it makes. */
  type(): { at: number; length: number } {
    const at = now();
    text().insert(text().length, 'a');
    return { at, length: text().length };
  },
  paintedAt(length: number): number | null {
    return painted.get(length) ?? null;
  },
  textLength(): number {
    return text().length;
  },
  hash(): string {
    return doc ? planFingerprint(doc).contentHash : '';
  },
  async leave(): Promise<void> {
    await session?.leave();
  },
  // The floor: a bare RTCDataChannel between the same two Chromium processes.
  async rawOffer(): Promise<RTCSessionDescriptionInit> {
    raw = new RTCPeerConnection({ iceServers: [] });
    listenRaw(raw.createDataChannel('raw'));
    await raw.setLocalDescription(await raw.createOffer());
    return iceComplete(raw);
  },
  async rawAnswer(offer: RTCSessionDescriptionInit): Promise<RTCSessionDescriptionInit> {
    raw = new RTCPeerConnection({ iceServers: [] });
    raw.addEventListener('datachannel', (event) => listenRaw(event.channel));
    await raw.setRemoteDescription(offer);
    await raw.setLocalDescription(await raw.createAnswer());
    return iceComplete(raw);
  },
  async rawAccept(answer: RTCSessionDescriptionInit): Promise<void> {
    await raw?.setRemoteDescription(answer);
  },
  rawOpen(): boolean {
    return rawChannel?.readyState === 'open';
  },
  rawSend(seq: number): number {
    // First byte 0xff: never counted as a plan (0) or presence (1) message by the counter.
    const bytes = new Uint8Array(64);
    bytes[0] = 0xff;
    new DataView(bytes.buffer).setUint32(1, seq);
    const at = now();
    rawChannel?.send(bytes);
    return at;
  },
  rawPaintedAt(seq: number): number | null {
    return rawPainted.get(seq) ?? null;
  },
};

Object.defineProperty(window, 'lab', { value: lab });
export type Lab = typeof lab;
