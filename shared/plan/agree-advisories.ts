import type { PlanProblem } from './plan-problem';
import { isLive, type CarePlanSnapshot } from './plan-snapshot';

/**
 * The gaps that do not stop a plan being agreed but that the people agreeing it must
 * see and answer for (issue 9, item 6): a plan with no goals, no contingency ("if I'm
 * unwell") plan, or whose owner was never asked about sharing. Agreeing anyway needs a
 * recorded reason, so the version says why it went ahead.
 */
export function listAgreeAdvisories(snapshot: CarePlanSnapshot): PlanProblem[] {
  const advisories: PlanProblem[] = [];
  if (!snapshot.goals.some(isLive)) {
    advisories.push({ path: ['goals'], message: 'The plan has no goals', blocking: false });
  }
  if (!snapshot.contingencyPlans.some(isLive)) {
    advisories.push({ path: ['contingencyPlans'], message: "The plan has no contingency (\"if I'm unwell\") plan", blocking: false });
  }
  if (snapshot.consent.status === 'notYetAsked') {
    advisories.push({ path: ['consent', 'status'], message: 'Nobody has asked the person whether their plan may be shared', blocking: false });
  }
  return advisories;
}
