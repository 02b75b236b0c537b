import { prepareReversal } from '../../../main/services/reversal-service';
import { largePlanDoc, planSizes } from '../../support/large-plans';
import { defineBench } from '../bench-row';
import { rounds, sampleMs, single } from '../measure';
import { benchActor, benchStore } from '../support/bench-store';
import { keystrokeUpdates } from '../support/keystroke-updates';

const tom = { name: 'Tom Reid', role: 'Practice nurse', organisation: '' };
const EDITS = 2000;
const TOMS = 100;

/**
 * What "Undo this person's changes since …" costs (docs/undo-and-bring-back.md): the time to
 * replay the kept history and undo one person's last 100 of 2,000 edits, against opening the
 * same plan; and the bytes the audit keeps per edit, against the update log's own row.
 */
export const bench = defineBench({
  name: 'undo changes',
  run: ({ tempDir }) => {
    const { initial, updates } = keystrokeUpdates(largePlanDoc(planSizes.jill), ['aboutMe', 'whatMatters'], EDITS);
    const { store, planId } = benchStore(tempDir(), initial, { compactionThreshold: 1_000_000 });
    store.database.transaction(() => {
      updates.forEach((update, index) =>
        store.appendUpdate({ planId, update, origin: 'local', actor: index >= EDITS - TOMS ? tom : benchActor, sections: ['aboutMe'] }),
      );
    })();
    const sizes = store.database
      .prepare("SELECT AVG(LENGTH(u.update_blob)) AS log, AVG(LENGTH(a.detail_blob)) AS audit FROM plan_updates u JOIN audit_events a ON a.plan_id = u.plan_id AND a.seq = u.seq WHERE u.plan_id = ? AND a.action = 'edit'")
      .get(planId) as { log: number; audit: number };
    store.compact(planId);
    const since = store.auditTrail(planId, TOMS).at(-1)?.at ?? new Date(0).toISOString();
    const baseline = rounds(3, () => sampleMs(2, () => void store.loadPlan(planId)));
    const candidate = rounds(3, () => sampleMs(2, () => void prepareReversal(store, planId, { kind: 'since', person: tom.name, since })));
    store.close();
    return [
      { name: `undo one person's last ${TOMS} of ${EDITS} edits (compacted plan)`, baselineLabel: 'open the plan', baseline, candidateLabel: 'prepare the undo', candidate, unit: 'ms' },
      { name: 'bytes kept per edit for undo', baselineLabel: 'update log row', baseline: single(sizes.log), candidateLabel: 'sealed audit detail', candidate: single(sizes.audit), unit: 'bytes' },
    ];
  },
});
