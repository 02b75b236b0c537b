import { networkInterfaces } from 'node:os';
import * as Y from 'yjs';
import { CareError, type MeetingHosting, type PlanSummary } from '../../shared/contract';
import { checkPlanDocShape, planSchemaVersion, summarisePlan } from '../../shared/plan';
import { logEvent } from '../logging/log';
import { encodeKeyBytes } from '../../shared/identity';
import { MeetingAdmission } from '../sync/meeting-admission';
import type { SignalingServer } from '../sync/signaling-server';
import { currentActor, peerActor } from './actor';
import type { HandlerSlice } from './handler-table';
import type { PlanDocCache } from './plan-doc-cache';
import type { CareStore } from '../store/care-store';

export type MeetingHandlers = HandlerSlice<'hostMeeting' | 'stopHostingMeeting' | 'getMeetingHosting' | 'receiveMeetingPlan'>;

/** The port people get used to reading out; another is picked if something already uses it. */
export const DEFAULT_MEETING_PORT = 4444;

/** "address:port", with IPv6 in brackets. */
function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** This machine's addresses on its local networks (not loopback, not IPv6 link-local). */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.internal) continue;
      if (entry.family === 'IPv6' && entry.address.toLowerCase().startsWith('fe80')) continue;
      found.push(entry.address);
    }
  }
  // IPv4 first: it is what people can read out.
  return found.sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')));
}

function isInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}

/**
 * The one signaling server this process runs for a meeting. One per process, not per
 * handler table: the browser host's --host-meeting and the "Host meeting" button (in the
 * browser host and in Electron) all share it, so hosting twice returns the running one.
 */
export class MeetingHostController {
  /** Kept across stop/start: a restarted server still admits the meeting's participants. */
  readonly #admission = new MeetingAdmission();
  #server: SignalingServer | undefined;
  #hosting: MeetingHosting | undefined;
  #starting: Promise<MeetingHosting> | undefined;

  current(): MeetingHosting | undefined {
    return this.#hosting;
  }

  /** Admit sockets proving this meeting key (signaling-proof.ts); `chairKey` is announced to them. */
  admit(key: Uint8Array, chairKey: string | null): void {
    this.#admission.register({ key, chairKey });
  }

  /** Starts the server, or returns the running one (alreadyRunning: true). */
  async start(options: { listenAddress?: string; port?: number }): Promise<MeetingHosting & { alreadyRunning: boolean }> {
    if (this.#hosting) return { ...this.#hosting, alreadyRunning: true };
    this.#starting ??= this.#start(options).finally(() => (this.#starting = undefined));
    return { ...(await this.#starting), alreadyRunning: false };
  }

  async stop(): Promise<boolean> {
    await this.#starting?.catch(() => undefined);
    const server = this.#server;
    this.#server = undefined;
    this.#hosting = undefined;
    if (!server) return false;
    await server.close();
    logEvent('info', 'meeting-hosting-stopped');
    return true;
  }

  async #start({ listenAddress, port }: { listenAddress?: string; port?: number }): Promise<MeetingHosting> {
    const { startSignalingServer } = await import('../sync/signaling-server');
    const lan = lanAddresses();
    // Without an address: the first LAN address, so other laptops can reach it. Loopback
    // only when the machine has no network at all (then only this machine can join).
    const host = listenAddress ?? lan.find((address) => !address.includes(':')) ?? lan[0] ?? '127.0.0.1';
    let server: SignalingServer;
    try {
      server = await startSignalingServer({ host, port: port ?? DEFAULT_MEETING_PORT, admission: this.#admission });
    } catch (error) {
      if (port !== undefined || !isInUse(error)) throw new CareError('conflict', describeListenFailure(error));
      server = await startSignalingServer({ host, port: 0, admission: this.#admission });
    }
    const isLoopback = host === '127.0.0.1' || host === '::1';
    const hosting: MeetingHosting = {
      signalingUrl: server.url,
      listenAddress: host,
      port: server.port,
      addressesToReadOut: [hostPort(host, server.port)],
    };
    this.#server = server;
    this.#hosting = hosting;
    logEvent('info', 'meeting-hosting-started', { loopback: isLoopback });
    return hosting;
  }
}

function describeListenFailure(error: unknown): string {
  if (isInUse(error)) return 'That port is already in use on this machine. Choose another port or leave it empty.';
  if (error instanceof Error && 'code' in error && error.code === 'EADDRNOTAVAIL') return 'This machine does not have that address. Leave it empty to use its network address.';
  return 'The meeting could not be started on this machine.';
}

/** Shared by every handler table and by the browser host's --host-meeting. */
export const meetingHostController = new MeetingHostController();

/** What a Yjs update with nothing in it looks like: the store's first row for a received plan. */
const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

export function createMeetingHandlers(store: CareStore, docs: PlanDocCache, controller = meetingHostController): MeetingHandlers {
  return {
    hostMeeting: async ({ meetingKey, ...where }) => {
      const hosting = await controller.start(where);
      if (meetingKey) controller.admit(new Uint8Array(Buffer.from(meetingKey, 'base64')), encodeKeyBytes(store.identityPublicKey()));
      return hosting;
    },
    stopHostingMeeting: async () => ({ stopped: await controller.stop() }),
    getMeetingHosting: () => ({ hosting: controller.current() ?? null }),
    receiveMeetingPlan: ({ planId, displayName, state, origin }): PlanSummary => {
      if (origin.kind !== 'peer') throw new CareError('invalid-input', 'A plan received in a meeting comes from a participant.');
      const actor = currentActor(store);
      if (store.hasPlan(planId)) throw new CareError('conflict', 'This plan is already on this machine.');
      const bytes = new Uint8Array(Buffer.from(state, 'base64'));
      // Check the WHOLE received state before anything is written: it must be a complete,
      // well-shaped plan, or nothing is created.
      const received = new Y.Doc();
      try {
        Y.decodeUpdate(bytes);
        Y.applyUpdate(received, bytes);
      } catch {
        received.destroy();
        throw new CareError('invalid-input', 'What was received could not be read as a care plan; nothing was saved.');
      }
      const wellShaped = planSchemaVersion(received) !== null && checkPlanDocShape(received).length === 0;
      received.destroy();
      if (!wellShaped) throw new CareError('invalid-input', 'What was received is not a whole care plan; nothing was saved.');
      // Created EMPTY, then the received state appended as the peer's update: the plan must
      // not be initialised here, or its freshly made fields would compete with the real
      // ones and could replace people's text (see docs/meetings.md).
      store.createPlan(planId, displayName, EMPTY_STATE, actor);
      const peer = peerActor(origin);
      docs.checkAndStore(planId, bytes, (sections) => store.appendUpdate({ planId, update: bytes, origin: 'peer', actor: peer, sections }));
      const record = store.getPlan(planId);
      logEvent('info', 'meeting-plan-received', { planId });
      return {
        id: record.id,
        displayName: record.displayName,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        archived: record.archived,
        ...summarisePlan(docs.get(planId)),
      };
    },
  };
}
