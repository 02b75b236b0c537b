import * as Y from 'yjs';
import { PeerOrigin } from '../update-origin';
import type { VerifiedPeer } from './peer-identity';

/**
 * Who an update received over a connection is recorded as. Every message on a connection
 * is signed by the key that connection proved (peer-identity.ts), so the DELIVERING peer is
 * always known. The update is credited to them as its author only when everything in it
 * was written under client ids they proved; otherwise it was passed on (or forged to look
 * like someone else's) and is recorded as signed by the deliverer, author not verified —
 * never as the person its client ids or anyone's presence claim it is from.
 */
export function attributeUpdate(update: Uint8Array, peerId: string, deliverer: VerifiedPeer): PeerOrigin {
  let ownWork = false;
  try {
    ownWork = Y.decodeUpdate(update).structs.every((struct) => deliverer.clientIds.has(struct.id.client));
  } catch {
    ownWork = false;
  }
  return verifiedOrigin(peerId, deliverer, ownWork ? 'author' : 'deliverer');
}

export function verifiedOrigin(peerId: string, peer: VerifiedPeer, signedBy: 'author' | 'deliverer'): PeerOrigin {
  return new PeerOrigin(peerId, peer.name, peer.role, { fingerprint: peer.fingerprint, signedBy });
}
