import type { PlanProblem } from '../../shared/plan';

/** To the validation worker: the plan to check, numbered so a stale answer can be ignored. */
export interface ValidationRequest {
  id: number;
  snapshot: unknown;
}

export interface ValidationReply {
  id: number;
  problems: PlanProblem[];
}
