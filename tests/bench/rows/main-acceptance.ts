import * as Y from 'yjs';
import { PlanDocCache } from '../../../main/services/plan-doc-cache';
import { largePlanDoc, planSizes, type PlanSize } from '../../support/large-plans';
import { defineBench, type BenchResult } from '../bench-row';
import { rounds, sampleMs } from '../measure';
import { benchStore } from '../support/bench-store';
import { keystrokeUpdates } from '../support/keystroke-updates';

/**
 * Main's acceptance of one keystroke update (the shared gate: decode, mirror apply, check
 * of the touched item, then the cached doc follows), without the disk write, against a
 * bare Y.applyUpdate of the same updates onto a document of the same plan. Small, medium,
 * large and huge plans: the target is <= 1 ms on the large plan and within 2x of Jill's.
 */
export const bench = defineBench({
  name: 'main acceptance',
  run: ({ tempDir }) => {
    const rows: BenchResult[] = [];
    const sizes: PlanSize[] = [planSizes.jill, planSizes.medium, planSizes.large, planSizes.huge];
    for (const size of sizes) {
      const doc = largePlanDoc(size);
      // Typing into the notes of the plan's last action: the item a large plan makes hardest to find.
      const actionIds = [...doc.getMap('actions').keys()];
      const target = actionIds.at(-1) ?? '';
      const { initial, updates } = keystrokeUpdates(doc, ['actions', target, 'notes'], 1200);
      const { store, planId } = benchStore(tempDir(), initial);
      const cache = new PlanDocCache(store);
      cache.get(planId);
      let next = 0;
      const candidate = rounds(3, () =>
        sampleMs(300, () => {
          const update = updates[next++];
          if (update) cache.checkAndStore(planId, update, () => undefined);
        }),
      );
      store.close();
      const bareDoc = new Y.Doc();
      Y.applyUpdate(bareDoc, initial);
      let bareNext = 0;
      const baseline = rounds(3, () =>
        sampleMs(300, () => {
          const update = updates[bareNext++];
          if (update) Y.applyUpdate(bareDoc, update);
        }),
      );
      rows.push({
        name: `main accepts one keystroke, ${size.label}`,
        baselineLabel: 'bare Y.applyUpdate',
        baseline,
        candidateLabel: 'shared gate + follow',
        candidate,
        unit: 'ms',
        target: size === planSizes.large ? "<= 1 ms, <= 2x Jill's" : '',
      });
    }
    return rows;
  },
});
