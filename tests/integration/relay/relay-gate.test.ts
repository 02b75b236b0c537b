import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHandlers } from '../../../main/services/create-handlers';
import { PlanDocCache } from '../../../main/services/plan-doc-cache';
import { acceptFromRelay } from '../../../main/relay/sync-plans-once';
import { getPlanText } from '../../../shared/plan';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';

/** What arrives from the relay passes the same gate as a meeting peer's change. */
describe('updates from the relay pass the gate', () => {
  async function setUp() {
    const store = openTestStore(tempDataDir('relay-gate'));
    store.saveProfile(testActor);
    const plan = await createHandlers(store, { version: 'test' }).createPlan({ displayName: 'Jill Marsh' });
    const remote = new Y.Doc();
    Y.applyUpdate(remote, store.loadPlan(plan.id).state);
    return { store, planId: plan.id, remote, docs: new PlanDocCache(store) };
  }

  it('an honest change is stored, attributed to the practice server (positive control)', async () => {
    const { store, planId, remote, docs } = await setUp();
    const before = Y.encodeStateVector(remote);
    getPlanText(remote, ['aboutMe', 'whatMatters'])?.insert(0, 'Bess the dog');
    expect(acceptFromRelay(store, docs, planId, Y.encodeStateAsUpdate(remote, before))).toBe('received');
    const last = store.auditTrail(planId)[0];
    expect(last?.actor.peerId).toBe('relay');
    expect(last?.sections).toEqual(['aboutMe']);
  });

  it('junk and a change that breaks the plan are refused; the store is unchanged', async () => {
    const { store, planId, remote, docs } = await setUp();
    const tail = store.tailLength(planId);
    expect(acceptFromRelay(store, docs, planId, new Uint8Array([1, 2, 3, 250, 251]))).toBe('refused');
    const before = Y.encodeStateVector(remote);
    // A section replaced by the wrong kind of thing.
    remote.getMap('aboutMe').set('whatMatters', 42);
    expect(acceptFromRelay(store, docs, planId, Y.encodeStateAsUpdate(remote, before))).toBe('refused');
    expect(store.tailLength(planId)).toBe(tail);
  });

  it('a new plan from the relay that is not a whole care plan is not created', async () => {
    const { store, docs } = await setUp();
    const junk = new Y.Doc();
    junk.getText('notes').insert(0, 'not a plan');
    const planId = '0b7e1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
    expect(acceptFromRelay(store, docs, planId, Y.encodeStateAsUpdate(junk))).toBe('refused');
    expect(store.hasPlan(planId)).toBe(false);
  });
});
