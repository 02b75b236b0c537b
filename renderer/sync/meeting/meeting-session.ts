import * as bc from 'lib0/broadcastchannel';
import { WebrtcProvider } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PeerOrigin } from '../update-origin';
import { guardConnection, sendToPeer, syncStep1Message, syncStep2Message, type WebrtcConnLike } from './guarded-connection';
import { LobbyResponder } from './meeting-lobby';
import { meetingRoomName } from './meeting-names';
import { meetingProviderOptions } from './meeting-provider-options';
import { PeerUpdateGate } from './peer-update-gate';
import { encodePlanCheck, PLAN_CHECK_INTERVAL_MS, PlanConsistency, planFingerprint, type PlanFingerprint } from './plan-consistency';
import { presenceColour, readPresence, type CaretState, type PresenceState } from './presence-state';
import { answerSignalingChallenges, signalingKeyFor, type SignalingConnLike } from './signaling-auth';

export type MeetingStatus = { kind: 'connecting' } | { kind: 'connected'; peers: number } | { kind: 'offline' };

export interface MeetingParticipant {
  clientId: number;
  name: string;
  role: string;
  colour: string;
  focus: string | null;
  caret: CaretState | null;
  viewing: string | null;
  chair: boolean;
  /** Something this participant sent was refused. */
  flagged: boolean;
}

export interface MeetingWarning {
  key: string;
  message: string;
}

export interface MeetingSnapshot {
  status: MeetingStatus;
  /** Everyone else in the meeting, as their awareness says. */
  participants: readonly MeetingParticipant[];
  warnings: readonly MeetingWarning[];
  /** Connected to the signaling server, yet nobody reachable for a while: most likely a wrong code. */
  noOneReachable: boolean;
  /** What the chair is looking at, for "Follow the chair". */
  chairViewing: string | null;
  /** The first peer whose whole state we accepted (used when receiving a plan we did not have). */
  receivedFrom: PeerOrigin | null;
}

export interface MeetingSessionOptions {
  doc: Y.Doc;
  planId: string;
  /** Read when a newcomer asks which plan this is (it may be renamed during the meeting). */
  planName: () => string;
  signalingUrl: string;
  code: string;
  me: { name: string; role: string };
  chair: boolean;
  /** Answer newcomers' "which plan?" (see meeting-lobby.ts). Off while we are only receiving a plan. */
  answerLobby: boolean;
  planCheckIntervalMs?: number;
  noPeerTimeoutMs?: number;
}

/** y-webrtc keeps one Room per name per page and frees it asynchronously: wait for it. */
const closingRooms = new Map<string, Promise<void>>();

interface ProviderInternals {
  room: { peerId: string; name: string; webrtcConns: Map<string, WebrtcConnLike>; bcconnected: boolean; _bcSubscriber: (data: ArrayBuffer) => unknown } | null;
  key: PromiseLike<CryptoKey | null>;
  signalingConns: Array<
    SignalingConnLike & {
      on(event: 'connect' | 'disconnect', listener: () => void): void;
      off(event: 'connect' | 'disconnect', listener: () => void): void;
    }
  >;
}

const NO_PEER_TIMEOUT_MS = 10_000;

/**
 * One participant's presence in one meeting about one plan: a y-webrtc provider on the
 * LIVE plan document with every connection guarded (guarded-connection.ts), presence in
 * awareness, the plan-consistency check, and the lobby answerer. Not React: use-meeting.ts
 * exposes it to components.
 */
export class MeetingSession {
  readonly awareness: Awareness;
  readonly #options: MeetingSessionOptions;
  readonly #provider: WebrtcProvider;
  readonly #internals: ProviderInternals;
  readonly #gate: PeerUpdateGate;
  readonly #consistency = new PlanConsistency();
  readonly #listeners = new Set<() => void>();
  readonly #flagged = new Map<string, number>();
  readonly #warnings = new Map<string, MeetingWarning>();
  readonly #timers: Array<ReturnType<typeof setInterval>> = [];
  readonly #roomName: string;
  #lobby: LobbyResponder | undefined;
  #snapshot: MeetingSnapshot;
  #left = false;
  #aloneSince: number | null = null;
  #everConnected = false;
  #fingerprint: Promise<PlanFingerprint> | null = null;
  readonly #forgetFingerprint = (): void => {
    this.#fingerprint = null;
  };
  #receivedFrom: PeerOrigin | null = null;
  readonly #stopAnswering: Array<() => void> = [];
  /** The host's identity key, as the host's signaling server announced it: the first chair. */
  #announcedChairKey: string | null = null;

  static async start(options: MeetingSessionOptions): Promise<MeetingSession> {
    const [roomName, signalingKey] = await Promise.all([meetingRoomName(options.planId, options.code), signalingKeyFor(options.code)]);
    await closingRooms.get(roomName);
    const session = new MeetingSession(options, roomName, signalingKey);
    await session.#ready();
    return session;
  }

  private constructor(options: MeetingSessionOptions, roomName: string, signalingKey: Uint8Array) {
    this.#options = options;
    this.#roomName = roomName;
    this.#gate = new PeerUpdateGate(options.doc);
    this.#provider = new WebrtcProvider(roomName, options.doc, meetingProviderOptions(options.signalingUrl, options.code));
    this.#internals = this.#provider as unknown as ProviderInternals;
    // y-webrtc made its signaling sockets synchronously; nothing has arrived on them yet.
    for (const conn of this.#internals.signalingConns) {
      this.#stopAnswering.push(
        answerSignalingChallenges(conn, signalingKey, (chairKey) => {
          if (chairKey) this.#announcedChairKey ??= chairKey;
        }),
      );
    }
    this.awareness = this.#provider.awareness;
    this.#snapshot = { status: { kind: 'connecting' }, participants: [], warnings: [], noOneReachable: false, chairViewing: null, receivedFrom: null };
  }

  async #ready(): Promise<void> {
    // Runs right after y-webrtc opened and connected the Room (its own .then on the key ran first).
    await this.#internals.key;
    const room = this.#internals.room;
    if (room) {
      // No BroadcastChannel: it would deliver updates from same-origin windows straight
      // into the doc, past the gate. Another window on this machine comes over WebRTC too.
      bc.unsubscribe(room.name, room._bcSubscriber as (data: unknown, origin: unknown) => void);
      room.bcconnected = false;
    }
    const me = this.#options.me;
    this.awareness.setLocalState({
      user: { name: me.name, role: me.role, colour: presenceColour(me.name, me.role) },
      meetingPeerId: room?.peerId ?? '',
      focus: null,
      caret: null,
      viewing: null,
      chair: this.#options.chair,
    } satisfies PresenceState);
    this.#provider.on('peers', () => this.#guardAll());
    this.#options.doc.on('update', this.#forgetFingerprint);
    this.awareness.on('change', () => this.#refresh());
    for (const conn of this.#internals.signalingConns) {
      conn.on('connect', () => this.#refresh());
      conn.on('disconnect', () => this.#refresh());
    }
    this.#guardAll();
    this.#timers.push(setInterval(() => this.#refresh(), 1000));
    this.#timers.push(setInterval(() => void this.#sendPlanChecks(), this.#options.planCheckIntervalMs ?? PLAN_CHECK_INTERVAL_MS));
    if (this.#options.answerLobby) {
      this.#lobby = new LobbyResponder(this.#options.signalingUrl, this.#options.code, () => ({ planId: this.#options.planId, planName: this.#options.planName().trim() || 'Care plan' }));
      await this.#lobby.start();
    }
    this.#refresh();
  }

  getSnapshot = (): MeetingSnapshot => this.#snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  setFocus(fieldPath: string | null): void {
    this.#setLocal({ focus: fieldPath, ...(fieldPath === null ? { caret: null } : {}) });
  }

  setCaret(caret: CaretState | null): void {
    this.#setLocal({ caret });
  }

  setViewing(section: string | null): void {
    this.#setLocal({ viewing: section });
  }

  dismissWarning(key: string): void {
    this.#warnings.delete(key);
    this.#refresh();
  }

  /** Leave the meeting; the document stays open and editable (and persisted) offline. */
  async leave(): Promise<void> {
    if (this.#left) return;
    this.#left = true;
    for (const timer of this.#timers) clearInterval(timer);
    for (const stop of this.#stopAnswering) stop();
    this.#lobby?.stop();
    // disconnect() first: y-webrtc 10.3's destroy() alone leaves the signaling socket open.
    this.#provider.disconnect();
    this.#provider.destroy();
    const closed = Promise.resolve(this.#internals.key).then(() => undefined);
    closingRooms.set(this.#roomName, closed);
    await closed;
    if (closingRooms.get(this.#roomName) === closed) closingRooms.delete(this.#roomName);
    this.awareness.destroy();
    this.#gate.dispose();
    this.#options.doc.off('update', this.#forgetFingerprint);
    this.#snapshot = { ...this.#snapshot, status: { kind: 'offline' }, participants: [], noOneReachable: false };
    for (const listener of this.#listeners) listener();
  }

  #setLocal(patch: Partial<PresenceState>): void {
    if (this.#left) return;
    const current = this.awareness.getLocalState();
    if (current) this.awareness.setLocalState({ ...current, ...patch });
  }

  #guardAll(): void {
    const room = this.#internals.room;
    if (!room || this.#left) return;
    for (const conn of room.webrtcConns.values()) {
      guardConnection(conn, {
        doc: this.#options.doc,
        awareness: this.awareness,
        gate: this.#gate,
        originFor: (update, from) => this.#originFor(update, from),
        onRefused: (from, what) => this.#flag(from, what),
        onSynced: (from) => {
          this.#receivedFrom ??= this.#presenceOrigin(from);
          this.#refresh();
        },
        onPlanCheck: (from, remote) => void this.#answerPlanCheck(from, remote),
        onChange: () => this.#refresh(),
      });
    }
    this.#refresh();
  }

  #presenceOf(conn: WebrtcConnLike): PresenceState | null {
    for (const state of this.awareness.getStates().values()) {
      const presence = readPresence(state);
      if (presence?.meetingPeerId === conn.remotePeerId) return presence;
    }
    return null;
  }

  #presenceOrigin(conn: WebrtcConnLike): PeerOrigin {
    const presence = this.#presenceOf(conn);
    return new PeerOrigin(conn.remotePeerId, presence?.user.name ?? 'Meeting participant', presence?.user.role ?? '');
  }

  /**
   * Who to attribute an update to. y-webrtc would use its Room (the same object for every
   * peer). The update's own structs name the Yjs client that wrote them, and awareness maps
   * that client to a person, so an edit relayed by someone else is still credited to its
   * author; failing that, the peer whose connection delivered it.
   */
  #originFor(update: Uint8Array, conn: WebrtcConnLike): PeerOrigin {
    try {
      const authors = new Set(Y.decodeUpdate(update).structs.map((struct) => struct.id.client));
      if (authors.size === 1) {
        const [author] = authors;
        const presence = author === undefined ? null : readPresence(this.awareness.getStates().get(author));
        if (presence) return new PeerOrigin(presence.meetingPeerId || `client-${author}`, presence.user.name, presence.user.role);
      }
    } catch {
      // The gate already decoded it; fall through to the delivering peer.
    }
    return this.#presenceOrigin(conn);
  }

  #flag(conn: WebrtcConnLike, what: string): void {
    const count = (this.#flagged.get(conn.remotePeerId) ?? 0) + 1;
    this.#flagged.set(conn.remotePeerId, count);
    const name = this.#presenceOf(conn)?.user.name ?? 'A participant';
    // One warning per peer, kept up to date, rather than one per refused message.
    this.#warnings.set(`refused-${conn.remotePeerId}`, {
      key: `refused-${conn.remotePeerId}`,
      message: `CareHouse refused ${what} from ${name}${count > 1 ? ` (${count} times)` : ''}. Your plan was not changed by it. Their copy of CareHouse may be faulty.`,
    });
    this.#refresh();
  }

  async #sendPlanChecks(): Promise<void> {
    const room = this.#internals.room;
    if (!room || this.#left) return;
    const connected = [...room.webrtcConns.values()].filter((conn) => conn.connected);
    if (connected.length === 0) return;
    const message = encodePlanCheck(await this.#currentFingerprint());
    for (const conn of connected) sendToPeer(conn, message);
  }

  async #answerPlanCheck(conn: WebrtcConnLike, remote: PlanFingerprint): Promise<void> {
    const local = await this.#currentFingerprint();
    const outcome = this.#consistency.compare(conn.remotePeerId, remote, local);
    const key = `differs-${conn.remotePeerId}`;
    if (outcome.kind === 'same') {
      if (this.#warnings.delete(key)) this.#refresh();
      return;
    }
    // Resync both ways: what they lack (from their state vector) and what we lack.
    sendToPeer(conn, syncStep2Message(this.#options.doc, remote.stateVector));
    sendToPeer(conn, syncStep1Message(this.#options.doc));
    if (outcome.stillDifferent && !this.#warnings.has(key)) {
      const name = this.#presenceOf(conn)?.user.name ?? 'another participant';
      this.#warnings.set(key, {
        key,
        message: `Your copy of the plan is different from ${name}'s and they could not be brought together. Before agreeing the plan, compare it on the shared screen.`,
      });
      this.#refresh();
    }
  }

  /** The plan's fingerprint, computed once per change however many peers ask (30 peers, every 10 s). */
  #currentFingerprint(): Promise<PlanFingerprint> {
    this.#fingerprint ??= planFingerprint(this.#options.doc);
    return this.#fingerprint;
  }

  #refresh(): void {
    if (this.#left) return;
    const room = this.#internals.room;
    const signalingUp = this.#internals.signalingConns.some((conn) => conn.connected);
    const peers = room ? [...room.webrtcConns.values()].filter((conn) => conn.connected).length : 0;
    const status: MeetingStatus = signalingUp || peers > 0 ? { kind: 'connected', peers } : { kind: 'connecting' };
    const now = Date.now();
    if (peers > 0) this.#everConnected = true;
    if (peers > 0 || !signalingUp) this.#aloneSince = null;
    else this.#aloneSince ??= now;
    // Only before anyone was ever reached: later, being alone means the others left.
    const noOneReachable =
      !this.#options.chair && !this.#everConnected && this.#aloneSince !== null && now - this.#aloneSince >= (this.#options.noPeerTimeoutMs ?? NO_PEER_TIMEOUT_MS);

    const flaggedIds = new Set(this.#flagged.keys());
    const participants: MeetingParticipant[] = [];
    let chairViewing: string | null = null;
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue;
      const presence = readPresence(state);
      if (!presence) continue;
      if (presence.chair && chairViewing === null) chairViewing = presence.viewing;
      participants.push({
        clientId,
        name: presence.user.name,
        role: presence.user.role,
        colour: presence.user.colour,
        focus: presence.focus,
        caret: presence.caret,
        viewing: presence.viewing,
        chair: presence.chair,
        flagged: flaggedIds.has(presence.meetingPeerId),
      });
    }
    participants.sort((a, b) => Number(b.chair) - Number(a.chair) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
    const next: MeetingSnapshot = {
      status,
      participants,
      warnings: [...this.#warnings.values()],
      noOneReachable,
      chairViewing,
      receivedFrom: this.#receivedFrom,
    };
    if (sameSnapshot(this.#snapshot, next)) return;
    this.#snapshot = next;
    for (const listener of this.#listeners) listener();
  }
}

function sameSnapshot(a: MeetingSnapshot, b: MeetingSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b) && a.receivedFrom === b.receivedFrom;
}
