import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { ChunkAssembler, ChunkError, MESSAGE_CHUNK, splitMessage } from './message-chunking';
import type { MeetingIdentity } from './meeting-identity';
import { MESSAGE_HELLO } from './peer-identity';
import type { PeerPacer } from './peer-pacer';
import { keepOwnPresence } from './presence-binding';
import type { ReassemblyBudget } from './reassembly-budget';
import { decodePlanCheck, MESSAGE_PLAN_CHECK, type PlanFingerprint } from './plan-consistency';
import type { PeerUpdateGate } from '../../../shared/sync/peer-update-gate';

/** y-webrtc's message types (y-webrtc.js); ours are MESSAGE_CHUNK and MESSAGE_PLAN_CHECK. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;
const MESSAGE_BC_PEER_ID = 4;

type DataListener = (data: Uint8Array) => void;

/** The parts of simple-peer's Peer that we touch (y-webrtc types it as any). */
export interface SimplePeerLike {
  send(data: Uint8Array): void;
  on(event: 'data', listener: DataListener): unknown;
  on(event: 'connect' | 'close', listener: () => void): unknown;
  listeners(event: 'data'): DataListener[];
  removeListener(event: 'data', listener: DataListener): unknown;
}

/** The parts of y-webrtc's WebrtcConn that we touch. */
export interface WebrtcConnLike {
  remotePeerId: string;
  peer: SimplePeerLike;
  connected: boolean;
  synced: boolean;
}

export interface ConnectionHooks {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  gate: PeerUpdateGate;
  /**
   * The transaction origin for an accepted update (a PeerOrigin, so it is persisted and
   * attributed), from the Yjs clients that wrote it (the gate has decoded it already).
   */
  originFor: (authors: ReadonlySet<number>, conn: WebrtcConnLike) => unknown;
  /** Something from this peer was refused; it changed nothing. */
  onRefused: (conn: WebrtcConnLike, what: string) => void;
  onSynced: (conn: WebrtcConnLike) => void;
  onPlanCheck: (conn: WebrtcConnLike, remote: PlanFingerprint) => void;
  onChange: () => void;
  /**
   * Proof of key (meeting-identity.ts): a hello first, every other message signed, and
   * presence only for the client ids the connection proved. Absent only in tests of the
   * bare guard.
   */
  identity?: MeetingIdentity;
  /** Shared by every connection of the meeting (message-chunking.ts). */
  reassemblyBudget?: ReassemblyBudget;
  /** Messages per second per peer (peer-pacer.ts). */
  pacer?: PeerPacer;
  /** A large removal is held for the user (removal-hold.ts): true = held, do not apply now. */
  hold?: (conn: WebrtcConnLike, update: Uint8Array) => boolean;
  /** Any of our own messages beyond y-webrtc's and the plan check (e.g. the chair record). */
  onOtherMessage?: (conn: WebrtcConnLike, type: number, message: Uint8Array) => boolean;
}

const guarded = new WeakSet<object>();

/**
 * Takes over one y-webrtc connection's data channel, in both directions:
 * - OUT: every message y-webrtc (or we) send is split into CHUNK_BYTES parts when large;
 * - IN: y-webrtc's own 'data' listener is removed. y-webrtc would apply a peer's update
 *   straight to the live document with the shared Room as origin (so neither checked nor
 *   attributable to a peer). Here every sync message is read by us instead: updates go
 *   through the PeerUpdateGate first and are applied with the sender's PeerOrigin; anything
 *   unreadable is refused whole and reported. Awareness is handled as y-webrtc does.
 * Idempotent: guarding a connection twice does nothing.
 */
export function guardConnection(conn: WebrtcConnLike, hooks: ConnectionHooks): void {
  if (guarded.has(conn)) return;
  guarded.add(conn);
  const peer = conn.peer;

  const rawSend = peer.send.bind(peer);
  let nextMessageId = 1;
  const identity = hooks.identity;
  let helloSent = false;
  const sendHello = () => {
    if (!identity || helloSent) return;
    // y-webrtc also "sends" to connections still being set up (simple-peer throws then):
    // the hello counts as sent only once it went out, so it is still first when one does.
    for (const part of splitMessage(identity.hello(conn), nextMessageId++)) rawSend(part);
    helloSent = true;
  };
  peer.send = (data: Uint8Array) => {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    // The hello goes before anything else on the channel (it is reliable and ordered).
    sendHello();
    for (const part of splitMessage(identity ? identity.seal(conn, bytes) : bytes, nextMessageId++)) rawSend(part);
  };

  for (const listener of peer.listeners('data')) peer.removeListener('data', listener);
  const assembler = new ChunkAssembler(hooks.reassemblyBudget ?? null);
  peer.on('data', (data: Uint8Array) => {
    let message: Uint8Array | null = data;
    if (data[0] === MESSAGE_CHUNK) {
      try {
        message = assembler.push(data);
      } catch (error) {
        hooks.onRefused(conn, error instanceof ChunkError ? 'a damaged large message' : 'an unreadable message');
        return;
      }
      if (!message) return;
    }
    const whole = message;
    if (hooks.pacer) hooks.pacer.run(conn.remotePeerId, () => receiveChecked(conn, whole, hooks));
    else receiveChecked(conn, whole, hooks);
  });
  peer.on('connect', () => {
    try {
      sendHello();
    } catch {
      // The channel closed again at once; y-webrtc reconnects.
    }
    hooks.onChange();
  });
  peer.on('close', () => {
    assembler.dispose();
    hooks.pacer?.forget(conn.remotePeerId);
    hooks.onChange();
  });
}

/** With proof of key: the hello is read, everything else must be signed by the key it proved. */
function receiveChecked(conn: WebrtcConnLike, message: Uint8Array, hooks: ConnectionHooks): void {
  const identity = hooks.identity;
  if (!identity) return receive(conn, message, hooks);
  if (message[0] === MESSAGE_HELLO) {
    if (identity.accept(conn, message)) hooks.onChange();
    else hooks.onRefused(conn, 'a proof of identity that did not check out');
    return;
  }
  const inner = identity.open(conn, message);
  if (!inner) {
    hooks.onRefused(conn, 'a message not signed by the person who sent it');
    return;
  }
  receive(conn, inner, hooks);
}

/** Sends one message to one peer (chunked by the guarded send). Errors mean the peer is gone. */
export function sendToPeer(conn: WebrtcConnLike, message: Uint8Array): void {
  try {
    conn.peer.send(message);
  } catch {
    // A closing channel throws; y-webrtc reconnects or the peer has left.
  }
}

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function syncStep2Message(doc: Y.Doc, remoteStateVector?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, remoteStateVector);
  return encoding.toUint8Array(encoder);
}

function receive(conn: WebrtcConnLike, message: Uint8Array, hooks: ConnectionHooks): void {
  let decoder: decoding.Decoder;
  let type: number;
  try {
    decoder = decoding.createDecoder(message);
    type = decoding.readVarUint(decoder);
  } catch {
    hooks.onRefused(conn, 'an unreadable message');
    return;
  }
  switch (type) {
    case MESSAGE_SYNC:
      return receiveSync(conn, decoder, hooks);
    case MESSAGE_AWARENESS:
      try {
        const update = decoding.readVarUint8Array(decoder);
        // Only presence this connection proved it describes; never our own (presence-binding.ts).
        const allowed = hooks.identity ? (hooks.identity.peerOf(conn)?.clientIds ?? new Set<number>()) : null;
        const own = keepOwnPresence(update, allowed, hooks.awareness.clientID);
        if (own) awarenessProtocol.applyAwarenessUpdate(hooks.awareness, own, conn);
      } catch {
        hooks.onRefused(conn, 'unreadable presence details');
      }
      return;
    case MESSAGE_QUERY_AWARENESS: {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(hooks.awareness, [...hooks.awareness.getStates().keys()]));
      sendToPeer(conn, encoding.toUint8Array(encoder));
      return;
    }
    case MESSAGE_PLAN_CHECK:
      try {
        hooks.onPlanCheck(conn, decodePlanCheck(message));
      } catch {
        hooks.onRefused(conn, 'an unreadable plan check');
      }
      return;
    case MESSAGE_BC_PEER_ID:
      // Only meaningful over BroadcastChannel, which meetings do not use.
      return;
    default:
      if (hooks.onOtherMessage?.(conn, type, message)) return;
      hooks.onRefused(conn, 'a message CareHouse does not know');
  }
}

function receiveSync(conn: WebrtcConnLike, decoder: decoding.Decoder, hooks: ConnectionHooks): void {
  let syncType: number;
  let payload: Uint8Array;
  try {
    syncType = decoding.readVarUint(decoder);
    payload = decoding.readVarUint8Array(decoder);
  } catch {
    hooks.onRefused(conn, 'an unreadable change');
    return;
  }
  if (syncType === syncProtocol.messageYjsSyncStep1) {
    // The peer tells us what it has; answer with everything it lacks.
    try {
      Y.decodeStateVector(payload);
    } catch {
      hooks.onRefused(conn, 'an unreadable sync request');
      return;
    }
    sendToPeer(conn, syncStep2Message(hooks.doc, payload));
    return;
  }
  if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
    hooks.onRefused(conn, 'a message CareHouse does not know');
    return;
  }
  if (hooks.hold?.(conn, payload)) return;
  const outcome = hooks.gate.admit(payload, (authors: ReadonlySet<number>) => hooks.originFor(authors, conn), (verdict) => {
    if (!verdict.ok) hooks.onRefused(conn, verdict.reason === 'breaks-plan' ? `a change that would damage the plan (${verdict.detail})` : 'a change that could not be read');
  });
  if (outcome === 'applied' && syncType === syncProtocol.messageYjsSyncStep2 && !conn.synced) {
    conn.synced = true;
    hooks.onSynced(conn);
  }
}
