import type { ReversedChangesInfo, UpdateOrigin } from '../../shared/contract';
import { LOAD_ORIGIN } from './plan-persistence';

/**
 * Transaction origin for updates received from a meeting peer. The live-meeting code
 * applies remote updates with an instance of this, so persistence can attribute them.
 */
export interface PeerVerification {
  /** Fingerprint of the identity key that signed the update (shared/identity/key-fingerprint.ts). */
  fingerprint: string;
  /** 'author': the signer wrote it; 'deliverer': the signer passed it on, its author is not verified. */
  signedBy: 'author' | 'deliverer';
}

export class PeerOrigin {
  constructor(
    readonly peerId: string,
    readonly peerName: string,
    readonly peerRole: string,
    /** Absent: nobody proved a key for it (recorded and shown as not verified). */
    readonly verification?: PeerVerification,
  ) {}
}

/** Transaction origin for a local change that is more than an edit (a restore): recorded as that action. */
export class LocalActionOrigin {
  constructor(
    readonly action: 'restore-version' | 'undo-changes' | 'bring-back',
    readonly version?: number,
    /** For undo-changes and bring-back: whose changes it reversed (History of changes says so). */
    readonly reversed?: ReversedChangesInfo,
  ) {}
}

/** Maps a Yjs transaction origin to what main records in the audit trail (null = don't store). */
export function toUpdateOrigin(transactionOrigin: unknown): UpdateOrigin | null {
  if (transactionOrigin === LOAD_ORIGIN) return null;
  if (transactionOrigin instanceof PeerOrigin) {
    return {
      kind: 'peer',
      peerId: transactionOrigin.peerId,
      peerName: transactionOrigin.peerName || 'Unnamed participant',
      peerRole: transactionOrigin.peerRole,
      ...(transactionOrigin.verification ? { verifiedKey: transactionOrigin.verification.fingerprint, signedBy: transactionOrigin.verification.signedBy } : {}),
    };
  }
  if (transactionOrigin instanceof LocalActionOrigin) {
    return {
      kind: 'local',
      action: transactionOrigin.action,
      ...(transactionOrigin.version ? { version: transactionOrigin.version } : {}),
      ...(transactionOrigin.reversed ? { reversed: transactionOrigin.reversed } : {}),
    };
  }
  return { kind: 'local' };
}
