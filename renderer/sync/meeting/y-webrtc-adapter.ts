import * as bc from 'lib0/broadcastchannel';
import type { WebrtcProvider } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { WebrtcConnLike } from './guarded-connection';

/**
 * Every use of y-webrtc's internals, in one place (style.md rule 14). They are not public
 * API, so the package is pinned to this exact version in package.json, and
 * tests/unit/sync/y-webrtc-adapter.test.ts checks the shape relied on here against the
 * installed copy: an upgrade that moves any of it fails that test, not a meeting.
 */
export const Y_WEBRTC_VERSION = '10.3.0';

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** The parts of y-webrtc's Room that we touch. */
export interface RoomInternals {
  peerId: string;
  name: string;
  webrtcConns: Map<string, WebrtcConnLike>;
  bcconnected: boolean;
  _bcSubscriber: (data: ArrayBuffer) => unknown;
  /** Room.connect() puts these on the doc and awareness, Room.disconnect() takes them off. */
  _docUpdateHandler: (update: Uint8Array, origin: unknown) => void;
  _awarenessUpdateHandler: (change: AwarenessChange, origin: unknown) => void;
}

export interface SignalingConnInternals {
  connected: boolean;
  on: (event: 'connect' | 'disconnect', listener: () => void) => void;
  off: (event: 'connect' | 'disconnect', listener: () => void) => void;
}

/** The parts of y-webrtc's WebrtcProvider that we touch. */
export interface ProviderInternals {
  room: RoomInternals | null;
  key: PromiseLike<CryptoKey | null>;
  signalingConns: SignalingConnInternals[];
}

export function providerInternals(provider: WebrtcProvider): ProviderInternals {
  return provider as unknown as ProviderInternals;
}

/**
 * No BroadcastChannel: it would deliver updates from same-origin windows straight into the
 * doc, past the gate. Another window on this machine comes over WebRTC too.
 */
export function detachBroadcastChannel(room: RoomInternals): void {
  bc.unsubscribe(room.name, room._bcSubscriber as (data: unknown, origin: unknown) => void);
  room.bcconnected = false;
}

/**
 * Linear meeting traffic. y-webrtc sends EVERY update the document applies to every
 * connection — including updates it has just received from a peer — and likewise every
 * awareness change, so in a full mesh each keystroke is echoed by every participant to
 * every other: about n² messages. Here the room sends only what this participant made:
 * document updates whose origin is not a peer (`isFromPeer`), and this participant's own
 * presence. Each keystroke then costs n−1 messages plus presence. A partial mesh (someone
 * not directly connected to the author) is healed by the periodic plan check's state-vector
 * exchange (plan-consistency.ts), not by relaying every message.
 *
 * Swaps the room's handlers in place: Room.disconnect() removes (and a later connect()
 * re-adds) whatever the handler properties hold, so the filtered ones stay in force.
 */
export function sendOnlyOwnChanges(room: RoomInternals, doc: Y.Doc, awareness: Awareness, isFromPeer: (origin: unknown) => boolean): void {
  const sendUpdate = room._docUpdateHandler;
  const sendAwareness = room._awarenessUpdateHandler;
  const ownUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!isFromPeer(origin)) sendUpdate(update, origin);
  };
  const ownPresence = (change: AwarenessChange, origin: unknown): void => {
    const mine = (clients: number[]) => clients.filter((client) => client === awareness.clientID);
    const own = { added: mine(change.added), updated: mine(change.updated), removed: mine(change.removed) };
    if (own.added.length + own.updated.length + own.removed.length > 0) sendAwareness(own, origin);
  };
  doc.off('update', sendUpdate);
  awareness.off('update', sendAwareness);
  room._docUpdateHandler = ownUpdate;
  room._awarenessUpdateHandler = ownPresence;
  doc.on('update', ownUpdate);
  awareness.on('update', ownPresence);
}
