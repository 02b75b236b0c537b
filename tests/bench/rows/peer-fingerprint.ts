import { PlanFingerprinter } from '../../../renderer/sync/meeting/plan-fingerprint';
import { getPlanText } from '../../../shared/plan';
import { largePlanDoc, planSizes } from '../../support/large-plans';
import { defineBench, type BenchResult } from '../bench-row';
import { rounds, sampleMs } from '../measure';

/**
 * The plan check's content hash after one keystroke: kept up to date item by item (what a
 * meeting does) vs hashing the whole plan from scratch (what it did), per plan size.
 */
export const bench = defineBench({
  name: 'peer fingerprint',
  run: () => {
    const rows: BenchResult[] = [];
    for (const size of [planSizes.jill, planSizes.large, planSizes.huge]) {
      const doc = largePlanDoc(size);
      const target = [...doc.getMap('actions').keys()].at(-1) ?? '';
      const notes = getPlanText(doc, ['actions', target, 'notes']);
      if (!notes) throw new Error('no notes field');
      const kept = new PlanFingerprinter(doc);
      kept.contentHash();
      const candidate = rounds(3, () =>
        sampleMs(30, () => {
          notes.insert(notes.length, 'a');
          kept.contentHash();
        }),
      );
      const baseline = rounds(3, () =>
        sampleMs(10, () => {
          notes.insert(notes.length, 'a');
          const fresh = new PlanFingerprinter(doc);
          fresh.contentHash();
          fresh.dispose();
        }),
      );
      kept.dispose();
      rows.push({ name: `plan hash after one keystroke, ${size.label}`, baselineLabel: 'whole plan from scratch', baseline, candidateLabel: 'kept up to date', candidate, unit: 'ms' });
    }
    return rows;
  },
});
