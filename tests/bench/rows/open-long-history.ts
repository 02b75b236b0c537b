import { largePlanDoc, planSizes } from '../../support/large-plans';
import { defineBench } from '../bench-row';
import { rounds, sampleMs } from '../measure';
import { benchActor, benchStore } from '../support/bench-store';
import { keystrokeUpdates } from '../support/keystroke-updates';

/** Opening a plan with a long history: whole log vs snapshot + tail after compaction. */
export const bench = defineBench({
  name: 'open long history',
  run: ({ tempDir }) => {
    const { initial, updates } = keystrokeUpdates(largePlanDoc(planSizes.jill), ['aboutMe', 'whatMatters'], 5000);
    const { store, planId } = benchStore(tempDir(), initial, { compactionThreshold: 1_000_000 });
    store.database.transaction(() => {
      for (const update of updates) store.appendUpdate({ planId, update, origin: 'local', actor: benchActor, sections: ['aboutMe'] });
    })();
    const baseline = rounds(3, () => sampleMs(4, () => void store.loadPlan(planId)));
    store.compact(planId);
    const candidate = rounds(3, () => sampleMs(4, () => void store.loadPlan(planId)));
    store.close();
    return [{ name: 'open a plan with 5,000 edits', baselineLabel: 'uncompacted log', baseline, candidateLabel: 'snapshot (compacted)', candidate, unit: 'ms' }];
  },
});
