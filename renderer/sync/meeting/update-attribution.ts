import { PeerOrigin } from '../update-origin';
import type { VerifiedPeer } from './peer-identity';

/**
 * Who an update received over a connection is recorded as (`authors`: the Yjs client ids
 * its structs were written under, as the shared gate reads them once). Every message on a connection
 * is signed by the key that connection proved (peer-identity.ts), so the DELIVERING peer is
 * always known. The update is credited to them as its author only when everything in it
 * was written under client ids they proved; otherwise it was passed on (or forged to look
 * like someone else's) and is recorded as signed by the deliverer, author not verified —
 * never as the person its client ids or anyone's presence claim it is from.
 */
export function attributeUpdate(authors: ReadonlySet<number>, peerId: string, deliverer: VerifiedPeer): PeerOrigin {
  const ownWork = [...authors].every((author) => deliverer.clientIds.has(author));
  return verifiedOrigin(peerId, deliverer, ownWork ? 'author' : 'deliverer');
}

export function verifiedOrigin(peerId: string, peer: VerifiedPeer, signedBy: 'author' | 'deliverer'): PeerOrigin {
  return new PeerOrigin(peerId, peer.name, peer.role, { fingerprint: peer.fingerprint, signedBy });
}
