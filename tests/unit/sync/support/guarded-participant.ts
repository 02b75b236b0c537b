import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { guardConnection, syncStep1Message, type WebrtcConnLike } from '../../../../renderer/sync/meeting/guarded-connection';
import { PeerUpdateGate } from '../../../../shared/sync/peer-update-gate';
import { PeerOrigin } from '../../../../renderer/sync/update-origin';
import { awarenessFor, fakeConnection, linkedPeers, type FakePeer } from './fake-peers';

/**
 * One side of a meeting connection as y-webrtc drives it, minus WebRTC: y-webrtc's own
 * 'data' listener is installed (and must be removed by the guard), every doc update is
 * broadcast with peer.send, and sync step 1 is sent on connect.
 */
export class GuardedParticipant {
  readonly gate: PeerUpdateGate;
  readonly awareness: Awareness;
  readonly refused: string[] = [];
  readonly origins: unknown[] = [];
  yWebrtcListenerCalls = 0;
  conn: WebrtcConnLike | undefined;

  constructor(readonly doc: Y.Doc, readonly name: string, readonly peerId: string) {
    this.gate = new PeerUpdateGate(doc);
    this.awareness = awarenessFor(doc, name, 'Practice nurse', peerId);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin instanceof PeerOrigin) this.origins.push(origin);
      if (!this.conn) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      this.conn.peer.send(encoding.toUint8Array(encoder));
    });
  }

  attach(peer: FakePeer, remotePeerId: string): void {
    const conn = fakeConnection(remotePeerId, peer);
    peer.on('data', () => (this.yWebrtcListenerCalls += 1));
    guardConnection(conn, {
      doc: this.doc,
      awareness: this.awareness,
      gate: this.gate,
      originFor: () => new PeerOrigin(remotePeerId, `peer of ${this.name}`, 'Practice nurse'),
      onRefused: (_from, what) => this.refused.push(what),
      onSynced: () => undefined,
      onPlanCheck: () => undefined,
      onChange: () => undefined,
    });
    this.conn = conn;
  }

  connect(): void {
    if (this.conn) this.conn.peer.send(syncStep1Message(this.doc));
  }
}

export function connectPair(a: GuardedParticipant, b: GuardedParticipant): [FakePeer, FakePeer] {
  const [pa, pb] = linkedPeers();
  a.attach(pa, b.peerId);
  b.attach(pb, a.peerId);
  a.connect();
  b.connect();
  return [pa, pb];
}
