import { describe, expect, it } from 'vitest';
import { checkPlanDocShape, readPlanSnapshot, validatePlan } from '../../../shared/plan';
import { largePlanDoc, planSizes } from '../../support/large-plans';

describe('the benchmark plans (tests/support/large-plans.ts)', () => {
  it('are well-shaped plans of the stated sizes, the same on every run', () => {
    for (const size of [planSizes.medium, planSizes.large, planSizes.huge]) {
      const doc = largePlanDoc(size);
      const plan = readPlanSnapshot(doc);
      expect(plan.goals).toHaveLength(size.goals);
      expect(plan.actions).toHaveLength(size.actions);
      expect(checkPlanDocShape(doc)).toEqual([]);
      expect(validatePlan(plan, { today: '2026-11-23' }).filter((problem) => problem.blocking)).toEqual([]);
      expect(readPlanSnapshot(largePlanDoc(size)).actions.map((action) => action.what)).toEqual(plan.actions.map((action) => action.what));
    }
  });
});
