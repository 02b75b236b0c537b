import type { PlanProblem } from '../../../shared/plan';

/**
 * Validation problems (from validatePlan) looked up by the field they are about, so each
 * field can show its own problem next to it. Blocking problems are shown as problems;
 * advice ("Add the date of birth") is shown as a gentler hint, because a draft plan is
 * normal and a screen full of red would frighten people for no reason.
 */
export type ProblemIndex = ReadonlyMap<string, readonly PlanProblem[]>;

export interface FieldProblems {
  /** Blocking problems, joined: shown as the field's problem. */
  problem: string | null;
  /** Advice, joined: shown as a hint. */
  advice: string | null;
}

export function pathKey(path: readonly string[]): string {
  return path.join('/');
}

export function indexProblems(problems: readonly PlanProblem[]): ProblemIndex {
  const index = new Map<string, PlanProblem[]>();
  for (const problem of problems) {
    const key = pathKey(problem.path);
    const list = index.get(key);
    if (list) list.push(problem);
    else index.set(key, [problem]);
  }
  return index;
}

function join(problems: readonly PlanProblem[]): string | null {
  return problems.length === 0 ? null : problems.map((problem) => problem.message).join('. ');
}

/** The problems about exactly this path (a field, or a whole list such as the care team). */
export function problemsAt(index: ProblemIndex, path: readonly string[]): FieldProblems {
  const found = index.get(pathKey(path)) ?? [];
  return { problem: join(found.filter((problem) => problem.blocking)), advice: join(found.filter((problem) => !problem.blocking)) };
}

/** How many blocking problems lie at or below a path (for "2 things to fix" on a section). */
export function countBlockingUnder(index: ProblemIndex, path: readonly string[]): number {
  const prefix = pathKey(path);
  let count = 0;
  for (const [key, problems] of index) {
    if (key === prefix || key.startsWith(`${prefix}/`)) count += problems.filter((problem) => problem.blocking).length;
  }
  return count;
}
