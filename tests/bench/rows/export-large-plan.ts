import { randomUUID } from 'node:crypto';
import { exportPlan } from '../../../main/export/export-plan';
import { exportFormats } from '../../../shared/export/export-formats';
import { readPlanSnapshot } from '../../../shared/plan';
import { largePlanDoc, planSizes } from '../../support/large-plans';
import { defineBench, type BenchResult } from '../bench-row';
import { roundsAsync, sampleMsAsync } from '../measure';

/**
 * Export of the 50-goal/300-action plan in every format, each against the same export of
 * Jill's plan in the same run (how the cost grows with the plan).
 */
export const bench = defineBench({
  name: 'export large plan',
  run: async () => {
    const context = { versionLabel: null, generatedAt: '2026-11-23T10:00:00.000Z', planId: randomUUID() };
    const jill = readPlanSnapshot(largePlanDoc(planSizes.jill));
    const large = readPlanSnapshot(largePlanDoc(planSizes.large));
    const rows: BenchResult[] = [];
    for (const format of exportFormats) {
      const runs = format === 'pdf' ? 2 : 5;
      const baseline = await roundsAsync(3, () => sampleMsAsync(runs, async () => void (await exportPlan(jill, format, context))));
      const candidate = await roundsAsync(3, () => sampleMsAsync(runs, async () => void (await exportPlan(large, format, context))));
      rows.push({ name: `export ${format}, 50 goals / 300 actions`, baselineLabel: "same export, Jill's plan", baseline, candidateLabel: 'large plan', candidate, unit: 'ms' });
    }
    return rows;
  },
});
