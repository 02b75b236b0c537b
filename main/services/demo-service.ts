import * as Y from 'yjs';
import type { ExamplePlanOutcome } from '../../shared/contract';
import { buildExamplePlan, initialisePlanDoc, type ExamplePlanName } from '../../shared/plan';
import type { AuditActor } from '../store/audit-log';
import type { CareStore } from '../store/care-store';
import type { HandlerSlice } from './handler-table';
import type { PlanDocCache } from './plan-doc-cache';

/**
 * The example plans get FIXED ids so loading them twice (from the UI or the CLI) never
 * makes duplicates: a second load finds them and leaves them, with anyone's edits, alone.
 */
const examples: ReadonlyArray<{ name: ExamplePlanName; planId: string; displayName: string }> = [
  { name: 'jill', planId: '0e8a1f3c-5b7d-4c2e-9f10-3a6b8d2c1e01', displayName: 'Jill Marsh (example)' },
  { name: 'amir', planId: '0e8a1f3c-5b7d-4c2e-9f10-3a6b8d2c1e02', displayName: 'Amir Hassan (example)' },
  { name: 'okonkwo', planId: '0e8a1f3c-5b7d-4c2e-9f10-3a6b8d2c1e03', displayName: 'Okonkwo family (example)' },
];

/** Who the example plans are attributed to when nobody has set up a profile (the CLI on a fresh folder). */
const exampleActor: AuditActor = { name: 'CareHouse example plans', role: 'Example data', organisation: '' };

/**
 * Creates each missing example as an ordinary plan (created empty, then the example
 * written as one attributed edit), so its history reads like any other plan's.
 */
export function addExamplePlans(store: CareStore, docs: PlanDocCache, today: string): ExamplePlanOutcome[] {
  const actor: AuditActor = store.getProfile() ?? exampleActor;
  return examples.map(({ name, planId, displayName }) => {
    if (store.hasPlan(planId)) return { planId, displayName, added: false };
    const doc = new Y.Doc();
    try {
      initialisePlanDoc(doc, new Date().toISOString());
      store.createPlan(planId, displayName, Y.encodeStateAsUpdate(doc), actor);
      const before = Y.encodeStateVector(doc);
      buildExamplePlan(name, doc, { today });
      const update = Y.encodeStateAsUpdate(doc, before);
      docs.checkAndStore(planId, update, (sections) => store.appendUpdate({ planId, update, origin: 'local', actor, sections }));
    } finally {
      doc.destroy();
    }
    return { planId, displayName, added: true };
  });
}

export function createDemoHandlers(store: CareStore, docs: PlanDocCache): HandlerSlice<'loadExamplePlans'> {
  return {
    loadExamplePlans: () => addExamplePlans(store, docs, new Date().toISOString().slice(0, 10)),
  };
}
