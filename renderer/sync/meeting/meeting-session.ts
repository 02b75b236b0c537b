import { WebrtcProvider } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeKeyBytes, type SessionCertificate } from '../../../shared/identity';
import { PeerOrigin } from '../update-origin';
import { decodeChairChain, encodeChairChain, followChairChain, MESSAGE_CHAIR, signHandOver, type ChairRecord, type ChairState } from './chair-record';
import { MeetingIdentity } from './meeting-identity';
import { MEETING_REASSEMBLY_BYTES } from './message-chunking';
import { createSessionKeyPair, type SessionKeys } from './peer-identity';
import { PEER_PACE, PeerPacer } from './peer-pacer';
import { ReassemblyBudget } from './reassembly-budget';
import { RemovalHold } from './removal-hold';
import { decodeRemovalRefused, encodeRemovalRefused, MESSAGE_REMOVAL_REFUSED } from './removal-notice';
import { attributeUpdate, verifiedOrigin } from './update-attribution';
import { guardConnection, sendToPeer, syncStep1Message, syncStep2Message, type WebrtcConnLike } from './guarded-connection';
import { LobbyResponder } from './meeting-lobby';
import { meetingRoomName } from './meeting-names';
import { meetingProviderOptions } from './meeting-provider-options';
import { PeerUpdateGate } from '../../../shared/sync/peer-update-gate';
import { encodePlanCheck, PLAN_CHECK_INTERVAL_MS, PlanConsistency, planFingerprint, type PlanFingerprint } from './plan-consistency';
import { PlanFingerprinter } from './plan-fingerprint';
import { presenceColour, readPresence, type CaretState, type PresenceState } from './presence-state';
import { answerSignalingChallenges, signalingKeyFor, type SignalingConnLike } from './signaling-auth';
import { detachBroadcastChannel, providerInternals, sendOnlyOwnChanges, type ProviderInternals } from './y-webrtc-adapter';

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
  /** Proved, on their connection to us, the key their name is signed with. */
  verified: boolean;
  /** Their identity key's fingerprint (shared/identity/key-fingerprint.ts), when verified. */
  fingerprint: string | null;
  /** Their identity key (base64), when verified: what the chair is handed to. */
  identityKey: string | null;
  /** Sending faster than we handle; their messages wait (peer-pacer.ts). */
  slowedDown: boolean;
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
  /** This participant holds the chair (by key: chair-record.ts). */
  amChair: boolean;
  /** Large removals from others, waiting for this user to accept or refuse (removal-hold.ts). */
  heldRemovals: readonly { key: string; description: string; fromName: string }[];
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
  /** main's certifySessionKey: this profile's identity key vouching for the session key (docs/meetings.md, "Identity"). */
  certify: (sessionKey: string) => Promise<SessionCertificate>;
}

/** y-webrtc keeps one Room per name per page and frees it asynchronously: wait for it. */
const closingRooms = new Map<string, Promise<void>>();

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
  readonly #fingerprinter: PlanFingerprinter;
  #receivedFrom: PeerOrigin | null = null;
  readonly #stopAnswering: Array<() => void> = [];
  /** The host's identity key, as the host's signaling server announced it: the first chair. */
  #firstChair: string | null = null;
  readonly #keys: SessionKeys;
  #identity: MeetingIdentity | undefined;
  readonly #pacer = new PeerPacer(PEER_PACE, () => this.#refresh());
  readonly #reassemblyBudget = new ReassemblyBudget(MEETING_REASSEMBLY_BYTES);
  /** Hand-overs since the first chair (chair-record.ts), and where they lead. */
  #chairChain: readonly ChairRecord[] = [];
  #chair: ChairState | null = null;
  /** Connections we have sent our chair chain to (after their hello). */
  readonly #chainSentTo = new WeakSet<object>();
  readonly #removals: RemovalHold;

  static async start(options: MeetingSessionOptions): Promise<MeetingSession> {
    const pair = createSessionKeyPair();
    const [roomName, signalingKey, certificate] = await Promise.all([
      meetingRoomName(options.planId, options.code),
      signalingKeyFor(options.code),
      options.certify(encodeKeyBytes(pair.publicKey)),
    ]);
    await closingRooms.get(roomName);
    const session = new MeetingSession(options, roomName, signalingKey, { certificate, secretKey: pair.secretKey });
    await session.#ready();
    return session;
  }

  private constructor(options: MeetingSessionOptions, roomName: string, signalingKey: Uint8Array, keys: SessionKeys) {
    this.#options = options;
    this.#keys = keys;
    this.#roomName = roomName;
    this.#gate = new PeerUpdateGate(options.doc);
    this.#removals = new RemovalHold(options.doc);
    this.#fingerprinter = new PlanFingerprinter(options.doc);
    this.#provider = new WebrtcProvider(roomName, options.doc, meetingProviderOptions(options.signalingUrl, options.code));
    this.#internals = providerInternals(this.#provider);
    // y-webrtc made its signaling sockets synchronously; nothing has arrived on them yet.
    // (They are lib0 WebsocketClients: they also emit 'message' and can send.)
    for (const conn of this.#internals.signalingConns as unknown as SignalingConnLike[]) {
      this.#stopAnswering.push(
        answerSignalingChallenges(conn, signalingKey, (chairKey) => {
          if (!chairKey || this.#firstChair) return;
          this.#firstChair = chairKey;
          this.#adoptChairChain(this.#chairChain);
          this.#refresh();
        }),
      );
    }
    this.awareness = this.#provider.awareness;
    this.#snapshot = { status: { kind: 'connecting' }, participants: [], warnings: [], noOneReachable: false, chairViewing: null, receivedFrom: null, amChair: false, heldRemovals: [] };
  }

  async #ready(): Promise<void> {
    // Runs right after y-webrtc opened and connected the Room (its own .then on the key ran first).
    await this.#internals.key;
    const room = this.#internals.room;
    if (room) {
      detachBroadcastChannel(room);
      // Updates received from peers are applied with a PeerOrigin (guarded-connection.ts): not re-sent.
      sendOnlyOwnChanges(room, this.#options.doc, this.awareness, (origin) => origin instanceof PeerOrigin);
    }
    this.#identity = new MeetingIdentity(this.#keys, this.#roomName, room?.peerId ?? '', () => [this.awareness.clientID]);
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
    this.awareness.on('change', () => this.#refresh());
    for (const conn of this.#internals.signalingConns) {
      conn.on('connect', () => this.#refresh());
      conn.on('disconnect', () => this.#refresh());
    }
    this.#guardAll();
    this.#timers.push(setInterval(() => this.#refresh(), 1000));
    this.#timers.push(setInterval(() => this.#sendPlanChecks(), this.#options.planCheckIntervalMs ?? PLAN_CHECK_INTERVAL_MS));
    if (this.#options.answerLobby) {
      this.#lobby = new LobbyResponder(
        this.#options.signalingUrl,
        this.#options.code,
        () => ({ planId: this.#options.planId, planName: this.#options.planName().trim() || 'Care plan' }),
        this.#keys,
      );
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
    this.#pacer.dispose();
    this.#fingerprinter.dispose();
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
        originFor: (authors, from) => this.#originFor(authors, from),
        onRefused: (from, what) => this.#flag(from, what),
        onSynced: (from) => {
          this.#receivedFrom ??= this.#presenceOrigin(from);
          this.#refresh();
        },
        onPlanCheck: (from, remote) => this.#answerPlanCheck(from, remote),
        onChange: () => this.#refresh(),
        identity: this.#identity,
        reassemblyBudget: this.#reassemblyBudget,
        pacer: this.#pacer,
        hold: (from, update) => this.#hold(from, update),
        onOtherMessage: (from, type, message) =>
          type === MESSAGE_CHAIR ? this.#receiveChairChain(from, message) : type === MESSAGE_REMOVAL_REFUSED && this.#receiveRefusal(from, message),
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
    const verified = this.#identity?.peerOf(conn);
    if (verified) return verifiedOrigin(conn.remotePeerId, verified, 'author');
    const presence = this.#presenceOf(conn);
    return new PeerOrigin(conn.remotePeerId, presence?.user.name ?? 'Meeting participant', presence?.user.role ?? '');
  }

  /**
   * Who to attribute an update to. y-webrtc would use its Room (the same object for every
   * peer). The update's own structs name the Yjs client that wrote them, and awareness maps
   * that client to a person, so an edit relayed by someone else is still credited to its
   * author; failing that, the peer whose connection delivered it.
   */
  #originFor(authors: ReadonlySet<number>, conn: WebrtcConnLike): PeerOrigin {
    const deliverer = this.#identity?.peerOf(conn);
    return deliverer ? attributeUpdate(authors, conn.remotePeerId, deliverer) : this.#presenceOrigin(conn);
  }

  #hold(conn: WebrtcConnLike, update: Uint8Array): boolean {
    // Nothing to protect before we hold a plan (a newcomer receiving it whole).
    if (this.#options.doc.share.size === 0) return false;
    const name = this.#identity?.peerOf(conn)?.name ?? this.#presenceOf(conn)?.user.name ?? 'A participant';
    const origin = (authors: ReadonlySet<number>) => this.#originFor(authors, conn);
    const decision = this.#removals.consider(update, origin, { peerId: conn.remotePeerId, name });
    if (decision.kind === 'pass') return false;
    if (decision.kind === 'held' && decision.isNew) this.#refresh();
    return true;
  }

  /** The user accepts a held removal: it now goes through the gate like any change. */
  acceptRemoval(key: string): void {
    const removal = this.#removals.take(key);
    if (!removal) return;
    this.#gate.admit(removal.update, removal.origin, () => {
      this.#warnings.set(`removal-${key}`, { key: `removal-${key}`, message: 'That change could not be applied to the plan; your plan was not changed.' });
    });
    this.#refresh();
  }

  /** The user keeps their plan: the removal is dropped, and the room is told. */
  refuseRemoval(key: string): void {
    const removal = this.#removals.refuse(key);
    if (!removal) return;
    const message = encodeRemovalRefused(removal.description);
    const room = this.#internals.room;
    for (const conn of room?.webrtcConns.values() ?? []) if (conn.connected) sendToPeer(conn, message);
    this.#refresh();
  }

  #receiveRefusal(conn: WebrtcConnLike, message: Uint8Array): boolean {
    const description = decodeRemovalRefused(message);
    if (description === null) return false;
    const who = this.#identity?.peerOf(conn)?.name ?? 'A participant';
    const key = `refusal-${conn.remotePeerId}-${description}`;
    this.#warnings.set(key, { key, message: `${who} refused a change and kept their plan as it was: ${description} Their copy now differs from yours until it is put right.` });
    this.#refresh();
    return true;
  }

  /** Hand the chair to a verified participant (only the chair can; everyone checks the signature). */
  handChairTo(identityKey: string): boolean {
    if (!this.#chair || this.#chair.chairKey !== this.#keys.certificate.identityKey || identityKey === this.#chair.chairKey) return false;
    const record = signHandOver(this.#keys, this.#roomName, this.#chair.epoch + 1, identityKey);
    this.#adoptChairChain([...this.#chairChain, record]);
    this.#setLocal({ chair: false });
    const message = encodeChairChain(this.#chairChain);
    const room = this.#internals.room;
    for (const conn of room?.webrtcConns.values() ?? []) if (conn.connected) sendToPeer(conn, message);
    this.#refresh();
    return true;
  }

  #receiveChairChain(conn: WebrtcConnLike, message: Uint8Array): boolean {
    const records = decodeChairChain(message);
    if (!records) return false;
    if (records.length > this.#chairChain.length) this.#adoptChairChain(records, conn);
    this.#refresh();
    return true;
  }

  /** Takes a longer chain if it is valid from the announced first chair (kept for later if that is not known yet). */
  #adoptChairChain(records: readonly ChairRecord[], from?: WebrtcConnLike): void {
    if (!this.#firstChair) {
      if (records.length >= this.#chairChain.length) this.#chairChain = records;
      return;
    }
    const state = followChairChain(this.#firstChair, records, this.#roomName, Date.now());
    if (!state) {
      if (from) this.#flag(from, 'a chair hand-over not signed by the chair');
      if (this.#chair === null) this.#chair = followChairChain(this.#firstChair, [], this.#roomName, Date.now());
      return;
    }
    this.#chairChain = records;
    this.#chair = state;
    const mine = state.chairKey === this.#keys.certificate.identityKey;
    const local = readPresence(this.awareness.getLocalState());
    if (local && local.chair !== mine) this.#setLocal({ chair: mine });
  }

  #sendChairChainToNewPeers(): void {
    const room = this.#internals.room;
    if (!room || this.#chairChain.length === 0) return;
    for (const conn of room.webrtcConns.values()) {
      if (!conn.connected || this.#chainSentTo.has(conn) || !this.#identity?.peerOf(conn)) continue;
      this.#chainSentTo.add(conn);
      sendToPeer(conn, encodeChairChain(this.#chairChain));
    }
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

  #sendPlanChecks(): void {
    const room = this.#internals.room;
    if (!room || this.#left) return;
    const connected = [...room.webrtcConns.values()].filter((conn) => conn.connected);
    if (connected.length === 0) return;
    const message = encodePlanCheck(this.#currentFingerprint());
    for (const conn of connected) sendToPeer(conn, message);
  }

  #answerPlanCheck(conn: WebrtcConnLike, remote: PlanFingerprint): void {
    const local = this.#currentFingerprint();
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

  /** The plan's fingerprint: only the items changed since the last check are hashed again (plan-fingerprint.ts). */
  #currentFingerprint(): PlanFingerprint {
    return planFingerprint(this.#options.doc, this.#fingerprinter);
  }

  #refresh(): void {
    if (this.#left) return;
    const room = this.#internals.room;
    const signalingUp = this.#internals.signalingConns.some((conn) => conn.connected);
    const peers = room ? [...room.webrtcConns.values()].filter((conn) => conn.connected).length : 0;
    const status: MeetingStatus = signalingUp || peers > 0 ? { kind: 'connected', peers } : { kind: 'connecting' };
    const now = Date.now();
    // A peer that answered on signaling (a connection being set up) proves the code is right,
    // even if WebRTC is slow to connect (30 laptops connecting at once): never "no one reachable".
    if (peers > 0 || (room?.webrtcConns.size ?? 0) > 0) this.#everConnected = true;
    if (peers > 0 || !signalingUp) this.#aloneSince = null;
    else this.#aloneSince ??= now;
    // Only before anyone was ever reached: later, being alone means the others left.
    const noOneReachable =
      !this.#options.chair && !this.#everConnected && this.#aloneSince !== null && now - this.#aloneSince >= (this.#options.noPeerTimeoutMs ?? NO_PEER_TIMEOUT_MS);

    this.#sendChairChainToNewPeers();
    const flaggedIds = new Set(this.#flagged.keys());
    const participants: MeetingParticipant[] = [];
    let chairViewing: string | null = null;
    const chairKey = this.#chair?.chairKey ?? null;
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue;
      const presence = readPresence(state);
      if (!presence) continue;
      const verified = this.#identity?.peerOfClient(clientId);
      // The chair is whoever holds the chair KEY; a presence saying "chair" proves nothing.
      const chair = verified !== undefined && verified.identityKey === chairKey;
      if (chair && chairViewing === null) chairViewing = presence.viewing;
      participants.push({
        clientId,
        // A verified person is shown under the name their own key signed.
        name: verified?.name ?? presence.user.name,
        role: verified?.role ?? presence.user.role,
        colour: presence.user.colour,
        focus: presence.focus,
        caret: presence.caret,
        viewing: presence.viewing,
        chair,
        flagged: flaggedIds.has(presence.meetingPeerId),
        verified: verified !== undefined,
        fingerprint: verified?.fingerprint ?? null,
        identityKey: verified?.identityKey ?? null,
        slowedDown: this.#pacer.isSlowed(presence.meetingPeerId),
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
      amChair: chairKey !== null && chairKey === this.#keys.certificate.identityKey,
      heldRemovals: this.#removals.held.map(({ key, description, fromName }) => ({ key, description, fromName })),
    };
    if (sameSnapshot(this.#snapshot, next)) return;
    this.#snapshot = next;
    for (const listener of this.#listeners) listener();
  }
}

function sameSnapshot(a: MeetingSnapshot, b: MeetingSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b) && a.receivedFrom === b.receivedFrom;
}

