import {
  channelKey,
  encodeHello,
  MESSAGE_MAC,
  MessageSigner,
  openMac,
  openSigned,
  readHello,
  sealWithMac,
  type SessionKeys,
  type VerifiedPeer,
} from './peer-identity';

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
  /** Per connection, once its hello is read: MAC keys for each direction (peer-identity.ts). */
  readonly #channels = new Map<string, { send: Uint8Array; receive: Uint8Array }>();
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

  /** Signed until the other side's hello has arrived, then MAC'd under the connection's key. */
  seal(conn: IdentifiedConn, message: Uint8Array): Uint8Array {
    const channel = this.#channels.get(conn.remotePeerId);
    return channel ? sealWithMac(channel.send, message) : this.#signer.seal(message);
  }

  /** Reads a peer's hello; a connection proves one key for its lifetime (a second, different one is refused). */
  accept(conn: IdentifiedConn, message: Uint8Array): VerifiedPeer | null {
    const peer = readHello(message, this.roomName, this.myPeerId, conn.remotePeerId, this.now());
    if (!peer) return null;
    const known = this.#verified.get(conn.remotePeerId);
    if (known && known.identityKey !== peer.identityKey) return null;
    this.#verified.set(conn.remotePeerId, peer);
    this.#channels.set(conn.remotePeerId, {
      send: channelKey(this.keys.secretKey, peer.sessionKey, this.roomName, this.myPeerId, conn.remotePeerId),
      receive: channelKey(this.keys.secretKey, peer.sessionKey, this.roomName, conn.remotePeerId, this.myPeerId),
    });
    return peer;
  }

  /** The inner message if signed by the key this connection proved; null otherwise (or before its hello). */
  open(conn: IdentifiedConn, message: Uint8Array): Uint8Array | null {
    const peer = this.#verified.get(conn.remotePeerId);
    if (!peer) return null;
    if (message[0] === MESSAGE_MAC) {
      const channel = this.#channels.get(conn.remotePeerId);
      return channel ? openMac(channel.receive, message) : null;
    }
    return openSigned(message, peer, this.roomName, conn.remotePeerId);
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
    this.#channels.delete(conn.remotePeerId);
  }
}
