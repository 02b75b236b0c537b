import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { sessionCertificateSchema } from '../../../shared/contract';
import { decodeKeyBytes, encodeKeyBytes, signBytes, verifySessionCertificate, verifySignature, type SessionCertificate } from '../../../shared/identity';
import type { SessionKeys } from './peer-identity';

/**
 * The chair is held by a KEY, not by whoever says "chair: true" in their presence.
 * The first holder is the host's identity key, which the host's signaling server announces
 * to everyone it admits (main/sync/meeting-admission.ts). Each hand-over is a record signed
 * by the current holder (its session key, with the certificate that ties that session key
 * to its identity key) naming the next holder. Everyone keeps the chain and passes it to
 * newcomers, who check it link by link from the announced first holder.
 */
export const MESSAGE_CHAIR = 103;

export interface ChairRecord {
  readonly epoch: number;
  readonly chairKey: string;
  /** The previous holder's session certificate. */
  readonly certificate: SessionCertificate;
  readonly signature: string;
}

export interface ChairState {
  readonly chairKey: string;
  readonly epoch: number;
}

const MAX_RECORDS = 64;

function recordBytes(roomName: string, epoch: number, chairKey: string): Uint8Array {
  return utf8ToBytes(JSON.stringify(['carehouse/chair-hand-over/v1', roomName, epoch, chairKey]));
}

export function signHandOver(keys: SessionKeys, roomName: string, epoch: number, chairKey: string): ChairRecord {
  return { epoch, chairKey, certificate: keys.certificate, signature: encodeKeyBytes(signBytes(keys.secretKey, recordBytes(roomName, epoch, chairKey))) };
}

/** Where a chain from `firstHolder` leads, or null if any link is not signed by the holder before it. */
export function followChairChain(firstHolder: string, records: readonly ChairRecord[], roomName: string, now: number): ChairState | null {
  let state: ChairState = { chairKey: firstHolder, epoch: 0 };
  for (const record of records) {
    if (record.epoch !== state.epoch + 1 || record.certificate.identityKey !== state.chairKey) return null;
    const check = verifySessionCertificate(record.certificate, now);
    const signature = decodeKeyBytes(record.signature, 64);
    if (!check.ok || !signature || !decodeKeyBytes(record.chairKey, 32)) return null;
    if (!verifySignature(check.session.sessionKey, recordBytes(roomName, record.epoch, record.chairKey), signature)) return null;
    state = { chairKey: record.chairKey, epoch: record.epoch };
  }
  return state;
}

export function encodeChairChain(records: readonly ChairRecord[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_CHAIR);
  encoding.writeVarString(encoder, JSON.stringify(records));
  return encoding.toUint8Array(encoder);
}

/** The records of a chair message (shape only; followChairChain checks the signatures). */
export function decodeChairChain(message: Uint8Array): ChairRecord[] | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_CHAIR) return null;
    const raw: unknown = JSON.parse(decoding.readVarString(decoder));
    if (!Array.isArray(raw) || raw.length > MAX_RECORDS) return null;
    const records: ChairRecord[] = [];
    for (const item of raw) {
      if (typeof item !== 'object' || item === null) return null;
      const { epoch, chairKey, certificate, signature } = item as Record<string, unknown>;
      const parsed = sessionCertificateSchema.safeParse(certificate);
      if (!Number.isSafeInteger(epoch) || typeof chairKey !== 'string' || typeof signature !== 'string' || !parsed.success) return null;
      records.push({ epoch: epoch as number, chairKey, certificate: parsed.data, signature });
    }
    return records;
  } catch {
    return null;
  }
}
