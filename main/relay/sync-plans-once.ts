import * as Y from 'yjs';
import { checkPlanDocShape, planSchemaVersion, summarisePlan } from '../../shared/plan';
import { logEvent } from '../logging/log';
import type { PlanDocCache } from '../services/plan-doc-cache';
import type { AuditActor } from '../store/audit-log';
import type { CareStore } from '../store/care-store';
import { shortFingerprint } from '../../shared/identity';
import { clientIdsOf } from './relay-authorship';
import type { RelayAuthor } from './relay-auth-message';
import { RelayClient, RelayRefusedError, askAuthors, listRelayPlans, type RelaySigner } from './relay-client';
import { localOnlyPlanIds, markSynced, readRelayLink } from './relay-link-record';
import { RelayRemovalHold } from './relay-removal-hold';

/**
 * One full sync of every plan with the practice relay: each plan not kept on this machine
 * only is offered (our whole state goes up, the relay answers with what we lack), and each
 * plan the relay holds that this machine lacks is fetched. What arrives from the relay
 * passes the same gate as a meeting peer's change (PlanDocCache.checkAndStore, the shared
 * PeerUpdateGate: decodable, applies, keeps the plan's shape) before it is written, attributed to the practice server.
 */
export interface SyncReport {
  offered: number;
  received: number;
  created: number;
  refused: number;
  /** Plans whose change from the relay would remove a large part of them: held for the user. */
  held: number;
}

export class NotConnectedError extends Error {
  constructor() {
    super('This machine is not connected to a practice server. Use carehouse connect first.');
    this.name = 'NotConnectedError';
  }
}

class NotAPlanError extends Error {
  constructor() {
    super('What the practice server sent is not a whole care plan.');
    this.name = 'NotAPlanError';
  }
}

export const RELAY_ACTOR: AuditActor = { name: 'Practice server', role: 'relay', organisation: '', peerId: 'relay' };
const CONCURRENT_PLANS = 32;
const PLAN_SYNC_TIMEOUT_MS = 60_000;
const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

export function storeSigner(store: CareStore): RelaySigner {
  return { publicKey: store.identityPublicKey(), sign: (message) => store.signAsIdentity(message) };
}

function isEmptyUpdate(update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(update);
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}

/** Resolves once the relay has sent its state and acknowledged ours; rejects when refused. */
function untilSynced(provider: ReturnType<RelayClient['open']>, planId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The practice server did not answer for plan ${planId} in time.`)), PLAN_SYNC_TIMEOUT_MS);
    const check = () => {
      if (provider.isSynced && provider.unsyncedChanges === 0) {
        clearTimeout(timer);
        resolve();
      }
    };
    provider.on('synced', check);
    provider.on('unsyncedChanges', check);
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      clearTimeout(timer);
      reject(new RelayRefusedError(reason));
    });
  });
}

/** Applies what the relay had and we lacked, through the gate; returns 'received' | 'created' | 'unchanged' | 'refused'. */
type SyncOutcome = 'received' | 'created' | 'unchanged' | 'refused' | 'held';

export function acceptFromRelay(
  store: CareStore,
  docs: PlanDocCache,
  planId: string,
  update: Uint8Array,
  actor: AuditActor = RELAY_ACTOR,
  /** For a plan new to this machine: the relay's whole state already in a document (saves decoding it again). */
  receivedDoc?: Y.Doc,
  /** Where a large removal waits for the user; without one, it is still not applied. */
  hold: RelayRemovalHold = new RelayRemovalHold(),
): SyncOutcome {
  const isNew = !store.hasPlan(planId);
  try {
    if (isEmptyUpdate(update)) return 'unchanged';
    // The same hold as a meeting peer's change: a large removal waits, neither stored nor shown.
    if (!isNew && hold.consider(docs, planId, update, actor)) return 'held';
    // A new plan is created and filled in one transaction: never half there.
    store.database.transaction(() => {
      if (!store.hasPlan(planId)) {
        const received = receivedDoc ?? new Y.Doc();
        if (!receivedDoc) Y.applyUpdate(received, update);
        const wellShaped = planSchemaVersion(received) !== null && checkPlanDocShape(received).length === 0;
        const displayName = summarisePlan(received).personName || 'Plan from the practice server';
        if (!receivedDoc) received.destroy();
        if (!wellShaped) throw new NotAPlanError();
        // Created empty, then the relay's state appended as its update (as a meeting does).
        store.createPlan(planId, displayName, EMPTY_STATE, actor);
      }
      // The same gate, in the same order, as a meeting peer's change: judged, stored, then followed.
      docs.checkAndStore(planId, update, (sections) => store.appendUpdate({ planId, update, origin: 'peer', actor, sections }));
    })();
    return 'received';
  } catch (error) {
    // A refused new plan was rolled back: main's cached copy of it must go too.
    if (isNew) docs.forget(planId);
    logEvent('warn', 'relay-update-refused', { planId, code: error instanceof Error ? error.name : 'unknown' });
    return 'refused';
  }
}

/**
 * The audit actor for a change from the relay: the enrolled members the relay verified as
 * its writers (their names and roles as the practice enrolled them, and the key
 * fingerprint), or the practice server itself when it cannot say (a deletion only).
 */
export function relayActorFor(authors: readonly RelayAuthor[]): AuditActor {
  const unique = [...new Map(authors.map((author) => [author.fingerprint, author])).values()];
  const first = unique[0];
  if (!first) return RELAY_ACTOR;
  return {
    name: unique.map((author) => author.name).join(' and '),
    role: [...new Set(unique.map((author) => author.role))].join(', '),
    organisation: '',
    peerId: `relay-member:${shortFingerprint(first.fingerprint)}`,
  };
}

async function syncOnePlan(client: RelayClient, store: CareStore, docs: PlanDocCache, planId: string, isLocal: boolean, hold: RelayRemovalHold): Promise<SyncOutcome> {
  const doc = new Y.Doc();
  if (isLocal) Y.applyUpdate(doc, store.loadPlan(planId).state);
  const before = Y.encodeStateVector(doc);
  const provider = client.open(planId, doc);
  try {
    await untilSynced(provider, planId);
    const fromRelay = Y.encodeStateAsUpdate(doc, before);
    const writers = isEmptyUpdate(fromRelay) ? [] : await askAuthors(provider, clientIdsOf(fromRelay));
    const outcome = acceptFromRelay(store, docs, planId, fromRelay, relayActorFor(writers), isLocal ? undefined : doc, hold);
    return outcome === 'received' && !isLocal ? 'created' : outcome;
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

export async function syncPlansOnce(store: CareStore, docs: PlanDocCache, options: { urls?: readonly string[]; hold?: RelayRemovalHold } = {}): Promise<SyncReport> {
  const link = readRelayLink(store.database);
  const urls = options.urls ?? link?.urls;
  if (!urls || urls.length === 0) throw new NotConnectedError();
  const signer = storeSigner(store);
  const firstUrl = urls[0] ?? '';
  const onRelay = await listRelayPlans(firstUrl, signer);
  const localOnly = localOnlyPlanIds(store.database);
  const local = store.listPlans(true).map((plan) => plan.id).filter((id) => !localOnly.has(id));
  const localSet = new Set(local);
  const wanted = [...local, ...onRelay.filter((id) => !localSet.has(id) && !localOnly.has(id))];
  const report: SyncReport = { offered: local.length, received: 0, created: 0, refused: 0, held: 0 };
  const hold = options.hold ?? new RelayRemovalHold();
  let refusal: RelayRefusedError | undefined;
  const client = new RelayClient(urls, signer, { onRefused: (code) => (refusal ??= new RelayRefusedError(code)) });
  const synced: string[] = [];
  try {
    let next = 0;
    const worker = async () => {
      while (next < wanted.length && !refusal) {
        const planId = wanted[next] ?? '';
        next += 1;
        const outcome = await syncOnePlan(client, store, docs, planId, localSet.has(planId), hold);
        if (outcome === 'received') report.received += 1;
        if (outcome === 'created') report.created += 1;
        if (outcome === 'refused') report.refused += 1;
        if (outcome === 'held') report.held += 1;
        // A held plan is not "synced": the relay has a change this machine has not taken.
        if (outcome !== 'refused' && outcome !== 'held') synced.push(planId);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_PLANS, wanted.length) }, worker));
  } finally {
    client.destroy();
  }
  if (refusal) throw refusal;
  markSynced(store.database, synced, new Date().toISOString());
  logEvent('info', 'relay-sync-done', { offered: report.offered, received: report.received, created: report.created, refused: report.refused, held: report.held });
  return report;
}
