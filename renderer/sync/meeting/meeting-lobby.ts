import { deriveLobbyKey, openJson, sealJson } from './lobby-crypto';
import { meetingLobbyTopic } from './meeting-names';
import { answerToChallenge, signalingKeyFor } from './signaling-auth';

/**
 * How a newcomer learns WHICH plan a meeting is about, from only the address and the code.
 * The room name is derived from the plan id AND the code, so it cannot be computed without
 * the plan; instead, everyone already in the meeting listens on a lobby topic derived from
 * the code and answers a sealed "who is here?" with the plan id and name. The plan id is
 * not stored in the plan document (its meta is deliberately closed, see
 * checkPlanDocShape), so no plan migration is needed.
 *
 * A wrong code gives another topic and another key: nobody answers, and the newcomer is
 * told so, without ever being in the plan's room.
 */
export interface LobbyAnswer {
  planId: string;
  planName: string;
}

export type LobbyResult = ({ kind: 'found' } & LobbyAnswer) | { kind: 'unreachable' } | { kind: 'no-answer' };

type SocketFactory = (url: string) => WebSocket;
const defaultSocket: SocketFactory = (url) => new WebSocket(url);

const PLAN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseFrame(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function randomNonce(): string {
  return [...crypto.getRandomValues(new Uint8Array(12))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Asks the meeting at signalingUrl which plan it is about. Asks again every second until timeoutMs. */
export async function askLobby(signalingUrl: string, code: string, timeoutMs = 10_000, openSocket: SocketFactory = defaultSocket): Promise<LobbyResult> {
  const [topic, key, authKey] = await Promise.all([meetingLobbyTopic(code), deriveLobbyKey(code), signalingKeyFor(code)]);
  const nonce = randomNonce();
  return new Promise<LobbyResult>((resolve) => {
    let settled = false;
    let opened = false;
    let asking: ReturnType<typeof setInterval> | undefined;
    let socket: WebSocket;
    const finish = (result: LobbyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(asking);
      socket.onclose = null;
      socket.close();
      resolve(result);
    };
    const timer = setTimeout(() => finish(opened ? { kind: 'no-answer' } : { kind: 'unreachable' }), timeoutMs);
    try {
      socket = openSocket(signalingUrl);
    } catch {
      clearTimeout(timer);
      resolve({ kind: 'unreachable' });
      return;
    }
    const ask = () => {
      void sealJson(key, { kind: 'who', nonce }).then((data) => {
        if (!settled && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'publish', topic, data }));
      });
    };
    socket.onopen = () => {
      opened = true;
      socket.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
      ask();
      asking = setInterval(ask, 1000);
    };
    socket.onerror = () => undefined;
    socket.onclose = () => finish(opened ? { kind: 'no-answer' } : { kind: 'unreachable' });
    socket.onmessage = (event: MessageEvent) => {
      const frame = parseFrame(event.data);
      const proof = answerToChallenge(frame, authKey);
      if (proof) socket.send(JSON.stringify(proof));
      if (!frame || frame.type !== 'publish' || frame.topic !== topic) return;
      void openJson(key, frame.data).then((message) => {
        if (!isRecord(message) || message.kind !== 'here' || message.nonce !== nonce) return;
        const { planId, planName } = message;
        if (typeof planId !== 'string' || !PLAN_ID.test(planId) || typeof planName !== 'string' || !planName.trim() || planName.length > 200) return;
        finish({ kind: 'found', planId: planId.toLowerCase(), planName: planName.trim() });
      });
    };
  });
}

/**
 * Answers newcomers while this machine is in the meeting. Reconnects when the signaling
 * server restarts; pings so the server's idle timeout never drops it.
 */
export class LobbyResponder {
  #socket: WebSocket | undefined;
  #stopped = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #ping: ReturnType<typeof setInterval> | undefined;
  #attempt = 0;
  #authKey: Uint8Array = new Uint8Array();

  constructor(
    private readonly signalingUrl: string,
    private readonly code: string,
    private readonly answer: () => LobbyAnswer,
    private readonly openSocket: SocketFactory = defaultSocket,
  ) {}

  async start(): Promise<void> {
    const [topic, key, authKey] = await Promise.all([meetingLobbyTopic(this.code), deriveLobbyKey(this.code), signalingKeyFor(this.code)]);
    this.#authKey = authKey;
    this.#connect(topic, key);
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#retry);
    clearInterval(this.#ping);
    if (this.#socket) {
      this.#socket.onclose = null;
      this.#socket.close();
    }
  }

  #connect(topic: string, key: CryptoKey): void {
    if (this.#stopped) return;
    let socket: WebSocket;
    try {
      socket = this.openSocket(this.signalingUrl);
    } catch {
      this.#scheduleRetry(topic, key);
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      this.#attempt = 0;
      socket.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
      clearInterval(this.#ping);
      this.#ping = setInterval(() => socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify({ type: 'ping' })), 20_000);
    };
    socket.onerror = () => undefined;
    socket.onclose = () => {
      clearInterval(this.#ping);
      this.#scheduleRetry(topic, key);
    };
    socket.onmessage = (event: MessageEvent) => {
      const frame = parseFrame(event.data);
      const proof = answerToChallenge(frame, this.#authKey);
      if (proof) socket.send(JSON.stringify(proof));
      if (!frame || frame.type !== 'publish' || frame.topic !== topic) return;
      void openJson(key, frame.data).then(async (message) => {
        if (!isRecord(message) || message.kind !== 'who' || typeof message.nonce !== 'string' || message.nonce.length > 64) return;
        const data = await sealJson(key, { kind: 'here', nonce: message.nonce, ...this.answer() });
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'publish', topic, data }));
      });
    };
  }

  #scheduleRetry(topic: string, key: CryptoKey): void {
    if (this.#stopped) return;
    const delay = Math.min(10_000, 500 * 2 ** this.#attempt);
    this.#attempt += 1;
    this.#retry = setTimeout(() => this.#connect(topic, key), delay);
  }
}
