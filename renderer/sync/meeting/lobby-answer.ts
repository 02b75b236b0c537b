import { utf8ToBytes } from '@noble/hashes/utils.js';
import { sessionCertificateSchema } from '../../../shared/contract';
import { decodeKeyBytes, encodeKeyBytes, keyFingerprint, signBytes, verifySessionCertificate, verifySignature } from '../../../shared/identity';
import type { SessionKeys } from './peer-identity';

/**
 * A lobby answer ("this meeting is about plan X") is bound to the meeting code (it is
 * sealed with the code's lobby key, on the code's lobby topic) AND to the answerer's key:
 * signed by their session key, certified by their identity key, over the topic, the
 * newcomer's nonce and the plan. A newcomer can then say who answered, and an answer cannot
 * be replayed to another newcomer or moved to another meeting.
 */
export interface LobbyAnswerBody {
  planId: string;
  planName: string;
}

export interface VerifiedLobbyAnswer extends LobbyAnswerBody {
  answererName: string;
  answererKey: string;
  answererFingerprint: string;
}

function answerBytes(topic: string, nonce: string, body: LobbyAnswerBody): Uint8Array {
  return utf8ToBytes(JSON.stringify(['carehouse/lobby-answer/v1', topic, nonce, body.planId, body.planName]));
}

export function signLobbyAnswer(keys: SessionKeys, topic: string, nonce: string, body: LobbyAnswerBody): Record<string, unknown> {
  return { ...body, certificate: keys.certificate, signature: encodeKeyBytes(signBytes(keys.secretKey, answerBytes(topic, nonce, body))) };
}

/** The answer and who gave it, or null if it is not signed by a certified key for this topic and nonce. */
export function verifyLobbyAnswer(message: Record<string, unknown>, topic: string, nonce: string, now: number): VerifiedLobbyAnswer | null {
  const { planId, planName, certificate, signature } = message;
  if (typeof planId !== 'string' || typeof planName !== 'string' || typeof signature !== 'string') return null;
  const parsed = sessionCertificateSchema.safeParse(certificate);
  const signatureBytes = decodeKeyBytes(signature, 64);
  if (!parsed.success || !signatureBytes) return null;
  const check = verifySessionCertificate(parsed.data, now);
  if (!check.ok || !verifySignature(check.session.sessionKey, answerBytes(topic, nonce, { planId, planName }), signatureBytes)) return null;
  return {
    planId,
    planName,
    answererName: check.session.name,
    answererKey: parsed.data.identityKey,
    answererFingerprint: keyFingerprint(check.session.identityKey),
  };
}
