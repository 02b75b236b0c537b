import { fromBase64, toBase64 } from 'lib0/buffer';
import { deriveSignalingKey, signalingProof } from '../../../shared/meeting/signaling-proof';
import { normaliseMeetingCode } from './meeting-code';

/**
 * The client half of the signaling server's admission (main/sync/meeting-admission.ts):
 * answer its challenge with a proof of the meeting code, on every socket we open to it
 * (y-webrtc's, the lobby's), and on every reconnect.
 */
const keys = new Map<string, Promise<Uint8Array>>();

/** PBKDF2 of the code, computed once per code per window (it costs ~100 ms on purpose). */
export function signalingKeyFor(code: string): Promise<Uint8Array> {
  const normalised = normaliseMeetingCode(code);
  let key = keys.get(normalised);
  if (!key) {
    key = deriveSignalingKey(normalised);
    keys.set(normalised, key);
  }
  return key;
}

export async function signalingKeyBase64(code: string): Promise<string> {
  return toBase64(await signalingKeyFor(code));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The frame to send for a server frame: an auth answer to a challenge, else null. */
export function answerToChallenge(frame: unknown, key: Uint8Array): { type: 'auth'; proof: string } | null {
  if (!isRecord(frame) || frame.type !== 'challenge' || typeof frame.nonce !== 'string' || frame.nonce.length > 64) return null;
  try {
    return { type: 'auth', proof: toBase64(signalingProof(key, fromBase64(frame.nonce))) };
  } catch {
    return null;
  }
}

/** The chair's identity key the server announced after admitting us, or undefined if this is not a welcome. */
export function chairKeyOfWelcome(frame: unknown): string | null | undefined {
  if (!isRecord(frame) || frame.type !== 'welcome') return undefined;
  return typeof frame.chairKey === 'string' && frame.chairKey.length === 44 ? frame.chairKey : null;
}

/** y-webrtc's SignalingConn (a lib0 WebsocketClient): JSON in, JSON out. */
export interface SignalingConnLike {
  connected: boolean;
  send(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): void;
  off(event: 'message', listener: (message: unknown) => void): void;
}

/** Answers challenges on one y-webrtc signaling socket (and its reconnects); returns a stop function. */
export function answerSignalingChallenges(conn: SignalingConnLike, key: Uint8Array, onWelcome: (chairKey: string | null) => void): () => void {
  const listener = (message: unknown) => {
    const answer = answerToChallenge(message, key);
    if (answer) conn.send(answer);
    const chairKey = chairKeyOfWelcome(message);
    if (chairKey !== undefined) onWelcome(chairKey);
  };
  conn.on('message', listener);
  // Already open (another session on this page opened it): ask for the challenge again.
  if (conn.connected) conn.send({ type: 'challenge' });
  return () => conn.off('message', listener);
}
