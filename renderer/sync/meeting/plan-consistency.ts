import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { PlanFingerprinter } from './plan-fingerprint';

/**
 * Peers compare what their plan SAYS now and then. Yjs guarantees convergence only for
 * peers that received the same updates; a refused update, a bug, or a lost message leaves
 * two copies different while each looks fine. So every CHECK_INTERVAL each peer sends its
 * state vector and a hash of the plan's canonical snapshot to every other peer; on a
 * mismatch both sides resync (state vectors and diffs); if the copies still differ while
 * neither side is changing, the user is warned.
 */
export const MESSAGE_PLAN_CHECK = 101;
export const PLAN_CHECK_INTERVAL_MS = 10_000;

export interface PlanFingerprint {
  stateVector: Uint8Array;
  contentHash: string;
}

/**
 * The plan's state vector and content hash. Pass the session's PlanFingerprinter to reuse
 * what it has already hashed; without one, the whole plan is hashed once.
 */
export function planFingerprint(doc: Y.Doc, fingerprinter?: PlanFingerprinter): PlanFingerprint {
  const hasher = fingerprinter ?? new PlanFingerprinter(doc);
  try {
    return { stateVector: Y.encodeStateVector(doc), contentHash: hasher.contentHash() };
  } finally {
    if (!fingerprinter) hasher.dispose();
  }
}

export function encodePlanCheck(fingerprint: PlanFingerprint): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_PLAN_CHECK);
  encoding.writeVarUint8Array(encoder, fingerprint.stateVector);
  encoding.writeVarString(encoder, fingerprint.contentHash);
  return encoding.toUint8Array(encoder);
}

/** Throws on a malformed message (the caller flags the sender). */
export function decodePlanCheck(message: Uint8Array): PlanFingerprint {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MESSAGE_PLAN_CHECK) throw new Error('not a plan check');
  const stateVector = decoding.readVarUint8Array(decoder);
  const contentHash = decoding.readVarString(decoder);
  if (!/^[0-9a-f]{64}$/.test(contentHash)) throw new Error('malformed plan check');
  Y.decodeStateVector(stateVector);
  return { stateVector, contentHash };
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.byteLength === b.byteLength && a.every((byte, index) => byte === b[index]);
}

export type CheckOutcome = { kind: 'same' } | { kind: 'resync'; stillDifferent: boolean };

interface PeerRecord {
  mismatched: boolean;
  lastRemote?: Uint8Array;
  lastLocal?: Uint8Array;
}

/**
 * The decision, kept pure for tests. Differences while people type are normal (the check
 * and the edits travel separately), so every mismatch triggers a resync, and the copies
 * count as "still different" only when the previous check also mismatched (so a resync
 * has already been tried) and neither side has changed since: nothing is in flight that
 * could still explain the difference.
 */
export class PlanConsistency {
  readonly #peers = new Map<string, PeerRecord>();

  compare(peerKey: string, remote: PlanFingerprint, local: PlanFingerprint): CheckOutcome {
    const record = this.#peers.get(peerKey) ?? { mismatched: false };
    this.#peers.set(peerKey, record);
    const bothIdle = sameBytes(record.lastRemote, remote.stateVector) && sameBytes(record.lastLocal, local.stateVector);
    const previouslyMismatched = record.mismatched;
    record.lastRemote = remote.stateVector;
    record.lastLocal = local.stateVector;
    record.mismatched = remote.contentHash !== local.contentHash;
    if (!record.mismatched) return { kind: 'same' };
    return { kind: 'resync', stillDifferent: previouslyMismatched && bothIdle };
  }

  forget(peerKey: string): void {
    this.#peers.delete(peerKey);
  }
}
