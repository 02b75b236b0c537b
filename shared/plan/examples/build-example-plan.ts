import type * as Y from 'yjs';
import { validateCalendarDate } from '../calendar-date';
import type { CarePlanSnapshot } from '../plan-snapshot';
import { writePlanSnapshot } from '../write-plan-snapshot';
import { amirHassanPlan } from './amir-hassan-plan';
import { jillMarshPlan } from './jill-marsh-plan';
import { okonkwoFamilyPlan } from './okonkwo-family-plan';

/** The scenario plans (shared/scenarios/*.md) that demos and tests can load. */
export const examplePlanNames = ['jill', 'amir', 'okonkwo'] as const;
export type ExamplePlanName = (typeof examplePlanNames)[number];

const builders: Record<ExamplePlanName, (today: string) => CarePlanSnapshot> = {
  jill: jillMarshPlan,
  amir: amirHassanPlan,
  okonkwo: okonkwoFamilyPlan,
};

export interface ExamplePlanOptions {
  /** The meeting date ('YYYY-MM-DD'); due and review dates are counted from it. */
  today: string;
}

/** The example plan as data, without a document. */
export function examplePlanSnapshot(name: ExamplePlanName, options: ExamplePlanOptions): CarePlanSnapshot {
  const wrong = validateCalendarDate(options.today);
  if (wrong) throw new RangeError(`Example plan date: ${wrong}`);
  return builders[name](options.today);
}

/** Writes the example plan into `doc` (an empty or freshly initialised plan document). */
export function buildExamplePlan(name: ExamplePlanName, doc: Y.Doc, options: ExamplePlanOptions): void {
  writePlanSnapshot(doc, examplePlanSnapshot(name, options));
}
