import { deriveLobbyKey, openJson, sealJson } from './lobby-crypto';
import { meetingLobbyTopic } from './meeting-names';
import { signLobbyAnswer, verifyLobbyAnswer, type VerifiedLobbyAnswer } from './lobby-answer';
import type { SessionKeys } from './peer-identity';
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

export type LobbyResult =
  | ({ kind: 'found'; answeredBy: readonly string[] } & LobbyAnswer)
  /** Answers named different plans: nothing is opened (someone in the "meeting" is not who they seem). */
  | { kind: 'disagree'; answers: readonly VerifiedLobbyAnswer[] }
  | { kind: 'unreachable' }
  | { kind: 'no-answer' };

/** After the first answer, how long other answers are collected (they arrive within ~100 ms on a LAN). */
export const LOBBY_ANSWER_WINDOW_MS = 1_500;

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

/**
 * Asks the meeting at signalingUrl which plan it is about. Asks again every second until
 * timeoutMs; once a signed answer arrives, collects others for LOBBY_ANSWER_WINDOW_MS and
 * refuses to choose if they disagree.
 */
export async function askLobby(
  signalingUrl: string,
  code: string,
  timeoutMs = 10_000,
  openSocket: SocketFactory = defaultSocket,
  windowMs = LOBBY_ANSWER_WINDOW_MS,
): Promise<LobbyResult> {
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
      clearTimeout(window);
      clearInterval(asking);
      socket.onclose = null;
      socket.close();
      resolve(result);
    };
    const answers = new Map<string, VerifiedLobbyAnswer>();
    let window: ReturnType<typeof setTimeout> | undefined;
    const decide = () => {
      clearTimeout(window);
      const all = [...answers.values()];
      const plans = new Set(all.map((answer) => answer.planId));
      const [first] = all;
      if (!first) return finish(opened ? { kind: 'no-answer' } : { kind: 'unreachable' });
      if (plans.size > 1) return finish({ kind: 'disagree', answers: all });
      finish({ kind: 'found', planId: first.planId, planName: first.planName, answeredBy: all.map((answer) => answer.answererName) });
    };
    const timer = setTimeout(decide, timeoutMs);
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
        if (settled || !isRecord(message) || message.kind !== 'here' || message.nonce !== nonce) return;
        const answer = verifyLobbyAnswer(message, topic, nonce, Date.now());
        if (!answer || !PLAN_ID.test(answer.planId) || !answer.planName.trim() || answer.planName.length > 200) return;
        answers.set(answer.answererKey, { ...answer, planId: answer.planId.toLowerCase(), planName: answer.planName.trim() });
        window ??= setTimeout(decide, windowMs);
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
    /** The answer is signed with this meeting session's key (lobby-answer.ts). */
    private readonly keys: SessionKeys,
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
        const data = await sealJson(key, { kind: 'here', nonce: message.nonce, ...signLobbyAnswer(this.keys, topic, message.nonce, this.answer()) });
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
