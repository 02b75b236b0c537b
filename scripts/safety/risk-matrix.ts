// The 5×5 risk matrix of the clinical risk management plan (docs/safety/risk-management-plan.md),
// in the form of NHS England's DCB0129 hazard log template: likelihood × severity gives a
// risk level from 1 (acceptable) to 5 (unacceptable). Kept in one place so the check and the
// report can never disagree with the plan.

export const likelihoods = ['very-low', 'low', 'medium', 'high', 'very-high'] as const;
export const severities = ['minor', 'significant', 'considerable', 'major', 'catastrophic'] as const;
export type Likelihood = (typeof likelihoods)[number];
export type Severity = (typeof severities)[number];
export type RiskLevel = 1 | 2 | 3 | 4 | 5;

// Rows: likelihood very-low … very-high. Columns: severity minor … catastrophic.
const MATRIX: readonly (readonly RiskLevel[])[] = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 4],
  [2, 2, 3, 3, 4],
  [2, 3, 3, 4, 5],
  [3, 4, 4, 5, 5],
];

export function riskLevel(likelihood: Likelihood, severity: Severity): RiskLevel {
  const level = MATRIX[likelihoods.indexOf(likelihood)]?.[severities.indexOf(severity)];
  if (level === undefined) throw new RangeError(`no risk level for ${likelihood} × ${severity}`);
  return level;
}

/** Short names of the levels, as in the risk management plan's "What each level demands". */
export const riskLevelMeaning: Record<RiskLevel, string> = {
  1: 'Acceptable',
  2: 'Tolerable',
  3: 'Undesirable',
  4: 'Unacceptable',
  5: 'Unacceptable',
};

/** Highest residual risk a hazard may have and still be closed. */
export const HIGHEST_CLOSABLE_RISK: RiskLevel = 2;

/** The matrix as rows for the report, most likely first. */
export function matrixRows(): { likelihood: Likelihood; levels: readonly RiskLevel[] }[] {
  return likelihoods
    .map((likelihood, row) => ({ likelihood, levels: MATRIX[row] ?? [] }))
    .reverse();
}
