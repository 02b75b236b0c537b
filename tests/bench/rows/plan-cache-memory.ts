import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { CareStore } from '../../../main/store/care-store';
import { PlanDocCache } from '../../../main/services/plan-doc-cache';
import { largePlanDoc, planSizes } from '../../support/large-plans';
import { defineBench } from '../bench-row';
import { single } from '../measure';
import { benchActor } from '../support/bench-store';

/** Memory: heap for 50 open plans in main's cache vs 50 raw Y.Docs of the same plans. */
export const bench = defineBench({
  name: 'plan cache memory',
  run: ({ tempDir }) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    const heap = () => {
      gc?.();
      return process.memoryUsage().heapUsed / (1024 * 1024);
    };
    const start = heap();
    const docs = Array.from({ length: 50 }, () => largePlanDoc(planSizes.jill));
    const baseline = heap() - start;
    const store = CareStore.open({ dataDir: tempDir(), keySource: { kind: 'passphrase', passphrase: 'bench passphrase' } });
    const cache = new PlanDocCache(store, 50);
    const ids = docs.map((doc) => {
      const planId = randomUUID();
      store.createPlan(planId, 'Bench', Y.encodeStateAsUpdate(doc), benchActor);
      return planId;
    });
    for (const doc of docs) doc.destroy();
    const before = heap();
    for (const planId of ids) cache.get(planId);
    const candidate = heap() - before;
    store.close();
    return [{ name: '50 example plans in memory', baselineLabel: '50 Y.Docs', baseline: single(baseline), candidateLabel: "main's plan cache", candidate: single(candidate), unit: 'MiB' }];
  },
});
