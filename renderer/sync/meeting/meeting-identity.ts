import { encodeHello, MessageSigner, openSigned, readHello, type SessionKeys, type VerifiedPeer } from './peer-identity';

/** The parts of a connection the identity layer reads. */
export interface IdentifiedConn {
  readonly remotePeerId: string;
}

/**
 * This participant's side of proof of key, for every connection of one meeting session:
 * what to send first (a hello bound to the connection), how to sign what follows, and who
 * each connection has proven to be. Used by guarded-connection.ts.
 */
export class MeetingIdentity {
  readonly #verified = new Map<string, VerifiedPeer>();
  readonly #signer: MessageSigner;

  constructor(
    readonly keys: SessionKeys,
    private readonly roomName: string,
    private readonly myPeerId: string,
    private readonly myClientIds: () => readonly number[],
    private readonly now: () => number = Date.now,
  ) {
    this.#signer = new MessageSigner(keys, roomName, myPeerId);
  }

  get myIdentityKey(): string {
    return this.keys.certificate.identityKey;
  }

  hello(conn: IdentifiedConn): Uint8Array {
    return encodeHello(this.keys, this.roomName, this.myPeerId, conn.remotePeerId, this.myClientIds());
  }

  seal(message: Uint8Array): Uint8Array {
    return this.#signer.seal(message);
  }

  /** Reads a peer's hello; a connection proves one key for its lifetime (a second, different one is refused). */
  accept(conn: IdentifiedConn, message: Uint8Array): VerifiedPeer | null {
    const peer = readHello(message, this.roomName, this.myPeerId, conn.remotePeerId, this.now());
    if (!peer) return null;
    const known = this.#verified.get(conn.remotePeerId);
    if (known && known.identityKey !== peer.identityKey) return null;
    this.#verified.set(conn.remotePeerId, peer);
    return peer;
  }

  /** The inner message if signed by the key this connection proved; null otherwise (or before its hello). */
  open(conn: IdentifiedConn, message: Uint8Array): Uint8Array | null {
    const peer = this.#verified.get(conn.remotePeerId);
    return peer ? openSigned(message, peer, this.roomName, conn.remotePeerId) : null;
  }

  peerOf(conn: IdentifiedConn): VerifiedPeer | undefined {
    return this.#verified.get(conn.remotePeerId);
  }

  /** The verified peer that writes as this Yjs client id, if any. */
  peerOfClient(clientId: number): VerifiedPeer | undefined {
    for (const peer of this.#verified.values()) if (peer.clientIds.has(clientId)) return peer;
    return undefined;
  }

  forget(conn: IdentifiedConn): void {
    this.#verified.delete(conn.remotePeerId);
  }
}
