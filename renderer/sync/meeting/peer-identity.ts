import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  createSigningKeyPair,
  decodeKeyBytes,
  keyFingerprint,
  SIGNATURE_BYTES,
  signBytes,
  verifySessionCertificate,
  verifySignature,
  type SessionCertificate,
} from '../../../shared/identity';
import { sessionCertificateSchema } from '../../../shared/contract';

/**
 * Who is on the other end of a meeting connection, proven (docs/meetings.md, "Identity").
 *
 * - HELLO (first message each way on every connection): the sender's session certificate
 *   (its identity key vouching for a session key, with its name and role), the Yjs client
 *   ids it writes and presents presence for, and a signature by the session key over the
 *   room and BOTH peer ids: bound to this connection, so a hello cannot be replayed to
 *   another participant or in another meeting.
 * - SIGNED (messages sent before the other side's hello arrived): the sender's Ed25519
 *   signature over room, sender peer id and the message.
 * - MAC (everything after): HMAC-SHA256 under a key only these two session keys can derive
 *   (X25519 of the two Ed25519 session keys, bound to room and both peer ids, one key per
 *   direction). A signature costs ~1 ms to check in JavaScript, a MAC microseconds; both
 *   prove the message came from the key this connection proved.
 * Each message is checked against that key, so a peer can never pass off a message as
 * another's: what it relays is authenticated by it, and recorded so.
 */
export const MESSAGE_SIGNED = 101;
export const MESSAGE_HELLO = 102;
export const MESSAGE_MAC = 105;

export interface VerifiedPeer {
  /** base64 of the identity key; stable across meetings. */
  readonly identityKey: string;
  readonly fingerprint: string;
  readonly name: string;
  readonly role: string;
  readonly sessionKey: Uint8Array;
  /** Yjs / awareness client ids this peer writes and sets presence for. */
  readonly clientIds: ReadonlySet<number>;
}

export interface SessionKeys {
  readonly certificate: SessionCertificate;
  readonly secretKey: Uint8Array;
}

/** A fresh session key pair; main certifies its public half (certifySessionKey). */
export function createSessionKeyPair(): { publicKey: Uint8Array; secretKey: Uint8Array } {
  return createSigningKeyPair();
}

const textBytes = (parts: readonly (string | number)[]): Uint8Array => utf8ToBytes(JSON.stringify(parts));

function helloBytes(roomName: string, senderPeerId: string, receiverPeerId: string, certificate: SessionCertificate, clientIds: readonly number[]): Uint8Array {
  return textBytes(['carehouse/meeting-hello/v1', roomName, senderPeerId, receiverPeerId, certificate.sessionKey, ...clientIds]);
}

export function encodeHello(keys: SessionKeys, roomName: string, myPeerId: string, remotePeerId: string, clientIds: readonly number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_HELLO);
  encoding.writeVarString(encoder, JSON.stringify({ certificate: keys.certificate, clientIds }));
  encoding.writeVarUint8Array(encoder, signBytes(keys.secretKey, helloBytes(roomName, myPeerId, remotePeerId, keys.certificate, clientIds)));
  return encoding.toUint8Array(encoder);
}

const MAX_CLIENT_IDS = 4;

/** The peer a hello proves, or null (malformed, wrong connection, bad or expired certificate). */
export function readHello(message: Uint8Array, roomName: string, myPeerId: string, remotePeerId: string, now: number): VerifiedPeer | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_HELLO) return null;
    const body: unknown = JSON.parse(decoding.readVarString(decoder));
    const signature = decoding.readVarUint8Array(decoder);
    if (typeof body !== 'object' || body === null || signature.length !== SIGNATURE_BYTES) return null;
    const { certificate: rawCertificate, clientIds: rawIds } = body as Record<string, unknown>;
    const parsed = sessionCertificateSchema.safeParse(rawCertificate);
    if (!parsed.success || !Array.isArray(rawIds) || rawIds.length > MAX_CLIENT_IDS) return null;
    const clientIds = rawIds.filter((id): id is number => Number.isSafeInteger(id) && id >= 0);
    if (clientIds.length !== rawIds.length) return null;
    const certificate = parsed.data;
    const check = verifySessionCertificate(certificate, now);
    if (!check.ok) return null;
    if (!verifySignature(check.session.sessionKey, helloBytes(roomName, remotePeerId, myPeerId, certificate, clientIds), signature)) return null;
    const identityBytes = decodeKeyBytes(certificate.identityKey, 32);
    if (!identityBytes) return null;
    return {
      identityKey: certificate.identityKey,
      fingerprint: keyFingerprint(identityBytes),
      name: certificate.name.trim() || 'Meeting participant',
      role: certificate.role.trim(),
      sessionKey: check.session.sessionKey,
      clientIds: new Set(clientIds),
    };
  } catch {
    return null;
  }
}

/** What a SIGNED message's signature covers (the message itself enters through its hash). */
function signedBytes(roomName: string, senderPeerId: string, inner: Uint8Array): Uint8Array {
  return concatBytes(textBytes(['carehouse/meeting-message/v1', roomName, senderPeerId]), sha256(inner));
}

/**
 * Signs outgoing messages. y-webrtc sends the SAME bytes to every peer, so a signature is
 * made once per message, not once per peer.
 */
export class MessageSigner {
  readonly #cache = new WeakMap<Uint8Array, Uint8Array>();

  constructor(
    private readonly keys: SessionKeys,
    private readonly roomName: string,
    private readonly myPeerId: string,
  ) {}

  seal(inner: Uint8Array): Uint8Array {
    let signature = this.#cache.get(inner);
    if (!signature) {
      signature = signBytes(this.keys.secretKey, signedBytes(this.roomName, this.myPeerId, inner));
      this.#cache.set(inner, signature);
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SIGNED);
    encoding.writeVarUint8Array(encoder, signature);
    encoding.writeVarUint8Array(encoder, inner);
    return encoding.toUint8Array(encoder);
  }
}

/** The inner message if `message` is SIGNED by this peer's session key, else null. */
export function openSigned(message: Uint8Array, peer: VerifiedPeer, roomName: string, senderPeerId: string): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SIGNED) return null;
    const signature = decoding.readVarUint8Array(decoder);
    const inner = decoding.readVarUint8Array(decoder);
    return verifySignature(peer.sessionKey, signedBytes(roomName, senderPeerId, inner), signature) ? inner : null;
  } catch {
    return null;
  }
}

/** The key for messages from `senderPeerId` to `receiverPeerId` on one connection (same on both ends). */
export function channelKey(mySecretKey: Uint8Array, theirSessionKey: Uint8Array, roomName: string, senderPeerId: string, receiverPeerId: string): Uint8Array {
  const shared = x25519.getSharedSecret(ed25519.utils.toMontgomerySecret(mySecretKey), ed25519.utils.toMontgomery(theirSessionKey));
  return hmac(sha256, shared, textBytes(['carehouse/meeting-mac/v1', roomName, senderPeerId, receiverPeerId]));
}

export function sealWithMac(key: Uint8Array, inner: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_MAC);
  encoding.writeVarUint8Array(encoder, hmac(sha256, key, inner));
  encoding.writeVarUint8Array(encoder, inner);
  return encoding.toUint8Array(encoder);
}

/** The inner message if its MAC is right under `key`; compared in constant time. */
export function openMac(key: Uint8Array, message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_MAC) return null;
    const tag = decoding.readVarUint8Array(decoder);
    const inner = decoding.readVarUint8Array(decoder);
    const expected = hmac(sha256, key, inner);
    if (tag.length !== expected.length) return null;
    let difference = 0;
    for (let index = 0; index < tag.length; index += 1) difference |= (tag[index] ?? 0) ^ (expected[index] ?? 0);
    return difference === 0 ? inner : null;
  } catch {
    return null;
  }
}
