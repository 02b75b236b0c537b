import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/services/create-handlers';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import type { HistoryEntry, MeetingHosting, PlanSummary } from '../../../shared/contract';
import { initialisePlanDoc, personText, readPlanSnapshot } from '../../../shared/plan';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { deriveSignalingKey, signalingProof } from '../../../shared/meeting/signaling-proof';
import { TestClient, waitUntil } from '../sync/signaling-test-client';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';

let store: CareStore;
let handlers: HandlerTable;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatchCall(handlers, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function refusal(name: string, input: unknown): Promise<string> {
  const result = await dispatchCall(handlers, name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error.code;
}

beforeAll(async () => {
  store = openTestStore(tempDataDir('carehouse-meeting'));
  handlers = createHandlers(store, { version: 'test' });
  await call('saveProfile', testActor);
});

afterAll(async () => {
  await call('stopHostingMeeting', {});
  store.close();
});

describe('hostMeeting / stopHostingMeeting', () => {
  it('starts a signaling server that y-webrtc-style clients can use, once, and stops it', async () => {
    const meetingKey = await deriveSignalingKey('K7QX-MRT3-A9HW');
    const hosting = await call<MeetingHosting & { alreadyRunning: boolean }>('hostMeeting', { listenAddress: '127.0.0.1', port: 0, meetingKey: toBase64(meetingKey) });
    expect(hosting.alreadyRunning).toBe(false);
    expect(hosting.signalingUrl).toBe(`ws://127.0.0.1:${hosting.port}`);
    expect(hosting.addressesToReadOut).toEqual([`127.0.0.1:${hosting.port}`]);

    // Two participants: subscribe first (the server's rule), then one publishes to the other.
    const alice = await TestClient.connect(hosting.signalingUrl);
    const bob = await TestClient.connect(hosting.signalingUrl);
    // Each proves the meeting code; the server then names the host's identity key as chair.
    const identity = await call<{ publicKey: string }>('getIdentity', {});
    for (const client of [alice, bob]) {
      const challenge = await client.waitFor((frame) => frame.type === 'challenge', 'the challenge');
      client.send({ type: 'auth', proof: toBase64(signalingProof(meetingKey, fromBase64(String(challenge.nonce)))) });
      expect((await client.waitFor((frame) => frame.type === 'welcome', 'the welcome')).chairKey).toBe(identity.publicKey);
    }
    alice.send({ type: 'subscribe', topics: ['carehouse-room-test'] });
    bob.send({ type: 'subscribe', topics: ['carehouse-room-test'] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    alice.send({ type: 'publish', topic: 'carehouse-room-test', data: 'opaque' });
    await waitUntil(() => bob.received.some((frame) => frame.type === 'publish' && frame.data === 'opaque'), 'the relayed publish');

    // Hosting again returns the running server rather than a second one.
    const again = await call<MeetingHosting & { alreadyRunning: boolean }>('hostMeeting', {});
    expect(again).toEqual({ ...hosting, alreadyRunning: true });
    expect((await call<{ hosting: MeetingHosting | null }>('getMeetingHosting', {})).hosting).toEqual({
      signalingUrl: hosting.signalingUrl,
      listenAddress: '127.0.0.1',
      port: hosting.port,
      addressesToReadOut: hosting.addressesToReadOut,
    });

    expect(await call('stopHostingMeeting', {})).toEqual({ stopped: true });
    await Promise.all([alice.closed, bob.closed]);
    await expect(TestClient.connect(hosting.signalingUrl)).rejects.toThrow();
    expect((await call<{ hosting: MeetingHosting | null }>('getMeetingHosting', {})).hosting).toBeNull();
    expect(await call('stopHostingMeeting', {})).toEqual({ stopped: false });
  });

  it('refuses a listen address that is not an IP address, and a port that is busy', async () => {
    expect(await refusal('hostMeeting', { listenAddress: 'example.org' })).toBe('invalid-input');
    const first = await call<MeetingHosting>('hostMeeting', { listenAddress: '127.0.0.1', port: 0 });
    await call('stopHostingMeeting', {});
    const blocker = await import('node:net').then(
      ({ createServer }) =>
        new Promise<import('node:net').Server>((resolve) => {
          const server = createServer();
          server.listen(first.port, '127.0.0.1', () => resolve(server));
        }),
    );
    try {
      expect(await refusal('hostMeeting', { listenAddress: '127.0.0.1', port: first.port })).toBe('conflict');
    } finally {
      blocker.close();
    }
  });
});

describe('receiveMeetingPlan: a plan this machine did not have', () => {
  const planId = '6f1c2a57-3a4b-4c5d-8e9f-0a1b2c3d4e5f';

  function hostsPlan(): Uint8Array {
    const doc = new Y.Doc();
    initialisePlanDoc(doc, '2025-03-14T09:00:00.000Z');
    personText(doc, 'firstName')?.insert(0, 'Jill');
    return Y.encodeStateAsUpdate(doc);
  }

  it('keeps the received state exactly, attributed to the peer it came from', async () => {
    const state = hostsPlan();
    const origin = { kind: 'peer', peerName: 'Karen Lowe', peerRole: 'District nurse', peerId: 'peer-7f3a' };
    const summary = await call<PlanSummary>('receiveMeetingPlan', { planId, displayName: 'Received plan', state: Buffer.from(state).toString('base64'), origin });
    expect(summary.id).toBe(planId);
    const loaded = await call<{ state: string }>('loadPlan', { planId });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(Buffer.from(loaded.state, 'base64')));
    const expected = new Y.Doc();
    Y.applyUpdate(expected, state);
    expect(readPlanSnapshot(doc)).toEqual(readPlanSnapshot(expected));
    expect(personText(doc, 'firstName')?.toString()).toBe('Jill');
    const history = await call<HistoryEntry[]>('getPlanHistory', { planId });
    expect(history.some((entry) => entry.origin === 'peer' && entry.actorName === 'Karen Lowe' && entry.peerId === 'peer-7f3a')).toBe(true);
    // A second copy of the same plan is refused: the meeting keeps it in sync instead.
    expect(await refusal('receiveMeetingPlan', { planId, displayName: 'Again', state: Buffer.from(state).toString('base64'), origin })).toBe('conflict');
  });

  it('creates nothing from a state that is not a whole, well-shaped plan', async () => {
    const otherId = '7a2d3b68-4b5c-4d6e-9fa0-1b2c3d4e5f60';
    const origin = { kind: 'peer', peerName: 'Karen Lowe', peerRole: 'District nurse', peerId: 'peer-7f3a' };
    const junk = new Y.Doc();
    junk.getArray('person').insert(0, ['not a plan']);
    for (const state of [Y.encodeStateAsUpdate(junk), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), Y.encodeStateAsUpdate(new Y.Doc())]) {
      expect(await refusal('receiveMeetingPlan', { planId: otherId, displayName: 'Junk', state: Buffer.from(state).toString('base64'), origin })).toBe('invalid-input');
    }
    const plans = await call<PlanSummary[]>('listPlans', { includeArchived: true });
    expect(plans.map((plan) => plan.id)).not.toContain(otherId);
  });
});
