/**
 * One thing wrong with a plan, in words the person and the team understand.
 * `path` addresses the field (see plan-paths.ts) so the UI can take you to it;
 * `blocking` problems stop the plan being agreed, the others are advice.
 */
export interface PlanProblem {
  path: string[];
  message: string;
  blocking: boolean;
}
