import * as Y from 'yjs';
import { PeerUpdateGate } from '../../../shared/sync/peer-update-gate';
import { largePlanDoc, planSizes, type PlanSize } from '../../support/large-plans';
import { defineBench, type BenchResult } from '../bench-row';
import { rounds, sampleMs } from '../measure';
import { keystrokeUpdates } from '../support/keystroke-updates';

/**
 * The renderer's peer path: admitting another participant's keystroke through the shared
 * gate onto the live plan, against a bare Y.applyUpdate of the same update, per plan size.
 */
export const bench = defineBench({
  name: 'peer gate',
  run: () => {
    const rows: BenchResult[] = [];
    const sizes: PlanSize[] = [planSizes.jill, planSizes.medium, planSizes.large, planSizes.huge];
    for (const size of sizes) {
      const author = largePlanDoc(size);
      const target = [...author.getMap('actions').keys()].at(-1) ?? '';
      const { initial, updates } = keystrokeUpdates(author, ['actions', target, 'notes'], 1200);
      const live = new Y.Doc();
      Y.applyUpdate(live, initial);
      const gate = new PeerUpdateGate(live);
      let next = 0;
      const candidate = rounds(3, () =>
        sampleMs(300, () => {
          const update = updates[next++];
          if (update) gate.admit(update, 'peer', () => undefined);
        }),
      );
      gate.dispose();
      const bare = new Y.Doc();
      Y.applyUpdate(bare, initial);
      let bareNext = 0;
      const baseline = rounds(3, () =>
        sampleMs(300, () => {
          const update = updates[bareNext++];
          if (update) Y.applyUpdate(bare, update);
        }),
      );
      rows.push({ name: `admit a peer's keystroke, ${size.label}`, baselineLabel: 'bare Y.applyUpdate', baseline, candidateLabel: 'shared gate admit', candidate, unit: 'ms' });
    }
    return rows;
  },
});
