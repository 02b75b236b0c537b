import type { UpdateOrigin } from '../../shared/contract';
import { LOAD_ORIGIN } from './plan-persistence';

/**
 * Transaction origin for updates received from a meeting peer. The live-meeting code
 * applies remote updates with an instance of this, so persistence can attribute them.
 */
export class PeerOrigin {
  constructor(
    readonly peerId: string,
    readonly peerName: string,
    readonly peerRole: string,
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
    };
  }
  return { kind: 'local' };
}
