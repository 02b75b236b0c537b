import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentActor } from '../../../main/services/actor';
import { createHandlers } from '../../../main/services/create-handlers';
import { dispatchCall } from '../../../main/services/dispatch-call';
import { PlanDocCache } from '../../../main/services/plan-doc-cache';
import type { CareStore } from '../../../main/store/care-store';
import { getPlanText, readPlanSnapshot } from '../../../shared/plan';
import { largePlanDoc, planSizes } from '../../support/large-plans';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';

const stores: CareStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function storeWithJill(): { store: CareStore; planId: string; doc: Y.Doc } {
  const store = openTestStore(tempDataDir('carehouse-doc-cache'));
  stores.push(store);
  const doc = largePlanDoc(planSizes.jill);
  const planId = '0e8a1f3c-5b7d-4c2e-9f10-3a6b8d2c1e77';
  store.createPlan(planId, 'Jill', Y.encodeStateAsUpdate(doc), testActor);
  return { store, planId, doc };
}

function typed(doc: Y.Doc, words: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  getPlanText(doc, ['aboutMe', 'whatMatters'])?.insert(0, words);
  return Y.encodeStateAsUpdate(doc, before);
}

describe("main's plan cache judges with the shared gate", () => {
  it('leaves the cached plan untouched when the store fails to write a checked update, and judges the next one afresh', () => {
    const { store, planId, doc } = storeWithJill();
    const cache = new PlanDocCache(store);
    const before = readPlanSnapshot(cache.get(planId));
    const lost = typed(doc, 'Lost. ');
    expect(() => cache.checkAndStore(planId, lost, () => { throw new Error('disk full'); })).toThrow('disk full');
    expect(readPlanSnapshot(cache.get(planId))).toEqual(before);
    // The next keystroke builds on the lost one: main does not have it, so it is refused (not half-applied).
    const next = typed(doc, 'Next. ');
    expect(() => cache.checkAndStore(planId, next, () => undefined)).toThrow(/builds on changes this machine does not have/);
    // Positive control: the lost update, stored this time, then the next, are both accepted.
    const stored: string[][] = [];
    for (const update of [lost, next]) stored.push(cache.checkAndStore(planId, update, (sections) => sections).result);
    expect(stored).toEqual([['aboutMe'], ['aboutMe']]);
    expect(readPlanSnapshot(cache.get(planId)).aboutMe.whatMatters).toBe(readPlanSnapshot(doc).aboutMe.whatMatters);
  });

  it('reads the profile once per store, not once per change, and again after it is saved', async () => {
    const { store, planId, doc } = storeWithJill();
    store.saveProfile(testActor);
    const handlers = createHandlers(store, { version: 'test' });
    const reads = vi.spyOn(store, 'getProfile');
    for (let index = 0; index < 20; index += 1) {
      const result = await dispatchCall(handlers, 'appendUpdate', { planId, update: Buffer.from(typed(doc, 'a')).toString('base64'), origin: { kind: 'local' } });
      expect(result.ok).toBe(true);
    }
    expect(reads.mock.calls.length).toBeLessThanOrEqual(1);
    expect(await dispatchCall(handlers, 'saveProfile', { ...testActor, name: 'Priya Nair' })).toMatchObject({ ok: true });
    expect(currentActor(store).name).toBe('Priya Nair');
  });
});
