import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { guardConnection, syncStep1Message, type WebrtcConnLike } from '../../../../renderer/sync/meeting/guarded-connection';
import { MeetingIdentity } from '../../../../renderer/sync/meeting/meeting-identity';
import { createSessionKeyPair, type SessionKeys } from '../../../../renderer/sync/meeting/peer-identity';
import { PeerUpdateGate } from '../../../../shared/sync/peer-update-gate';
import { RemovalHold } from '../../../../renderer/sync/meeting/removal-hold';
import { attributeUpdate } from '../../../../renderer/sync/meeting/update-attribution';
import { PeerOrigin } from '../../../../renderer/sync/update-origin';
import { createSigningKeyPair, encodeKeyBytes, signBytes, signSessionCertificate } from '../../../../shared/identity';
import { awarenessFor, fakeConnection, linkedPeers, type FakePeer } from './fake-peers';

export const ROOM = 'carehouse-room-identity-test';

/** A session key certified by a fresh identity key, as main's certifySessionKey does. */
export function sessionKeysFor(name: string, role: string): SessionKeys {
  const identity = createSigningKeyPair();
  const session = createSessionKeyPair();
  const issuedAt = Date.now();
  const certificate = signSessionCertificate((bytes) => signBytes(identity.secretKey, bytes), {
    identityKey: encodeKeyBytes(identity.publicKey),
    sessionKey: encodeKeyBytes(session.publicKey),
    name,
    role,
    issuedAt,
    expiresAt: issuedAt + 3_600_000,
  });
  return { certificate, secretKey: session.secretKey };
}

/**
 * One side of a meeting connection with proof of key, as MeetingSession wires it: a hello
 * first, every message signed, presence bound to the connection, attribution by key.
 * Like y-webrtc, it relays every doc update and awareness change to all its connections.
 */
export class IdentifiedParticipant {
  readonly gate: PeerUpdateGate;
  readonly awareness: awarenessProtocol.Awareness;
  readonly identity: MeetingIdentity;
  readonly keys: SessionKeys;
  readonly refused: string[] = [];
  readonly origins: PeerOrigin[] = [];
  readonly conns: WebrtcConnLike[] = [];
  /** As MeetingSession: large removals from others wait here for the user (removal-hold.ts). */
  readonly removals: RemovalHold;

  constructor(readonly doc: Y.Doc, readonly name: string, readonly peerId: string, keys?: SessionKeys) {
    this.keys = keys ?? sessionKeysFor(name, 'Practice nurse');
    this.gate = new PeerUpdateGate(doc);
    this.removals = new RemovalHold(doc);
    this.awareness = awarenessFor(doc, name, 'Practice nurse', peerId);
    this.identity = new MeetingIdentity(this.keys, ROOM, peerId, () => [this.awareness.clientID]);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin instanceof PeerOrigin) this.origins.push(origin);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      this.broadcast(encoding.toUint8Array(encoder));
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
      this.broadcast(encoding.toUint8Array(encoder));
    });
  }

  broadcast(message: Uint8Array): void {
    for (const conn of this.conns) conn.peer.send(message);
  }

  attach(peer: FakePeer, remotePeerId: string): WebrtcConnLike {
    const conn = fakeConnection(remotePeerId, peer);
    guardConnection(conn, {
      doc: this.doc,
      awareness: this.awareness,
      gate: this.gate,
      identity: this.identity,
      originFor: (authors, from) => this.originFor(authors, from),
      // As MeetingSession#hold.
      hold: (from, update) =>
        this.removals.consider(update, (authors: ReadonlySet<number>) => this.originFor(authors, from), {
          peerId: from.remotePeerId,
          name: this.identity.peerOf(from)?.name ?? 'A participant',
        }).kind !== 'pass',
      onRefused: (_from, what) => this.refused.push(what),
      onSynced: () => undefined,
      onPlanCheck: () => undefined,
      onChange: () => undefined,
    });
    this.conns.push(conn);
    return conn;
  }

  /** As MeetingSession#acceptRemoval: the held change goes through the gate like any other. */
  acceptRemoval(key: string): void {
    const removal = this.removals.take(key);
    if (removal) this.gate.admit(removal.update, removal.origin, (verdict: unknown) => this.refused.push(JSON.stringify(verdict)));
  }

  /** As MeetingSession#originFor. */
  originFor(authors: ReadonlySet<number>, conn: WebrtcConnLike): PeerOrigin {
    const deliverer = this.identity.peerOf(conn);
    return deliverer ? attributeUpdate(authors, conn.remotePeerId, deliverer) : new PeerOrigin(conn.remotePeerId, 'Meeting participant', '');
  }

  /** As y-webrtc on connect: sync step 1, then our presence. */
  connectTo(conn: WebrtcConnLike): void {
    conn.peer.send(syncStep1Message(this.doc));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]));
    conn.peer.send(encoding.toUint8Array(encoder));
  }
}

export function connectIdentified(a: IdentifiedParticipant, b: IdentifiedParticipant): [FakePeer, FakePeer] {
  const [pa, pb] = linkedPeers();
  const ca = a.attach(pa, b.peerId);
  const cb = b.attach(pb, a.peerId);
  a.connectTo(ca);
  b.connectTo(cb);
  return [pa, pb];
}
