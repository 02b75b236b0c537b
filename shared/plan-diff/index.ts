// Comparing two versions of a plan: canonical content (for hashes) and plain-language changes.
export { canonicalJson, canonicalJsonBytes } from './canonical-json';
export { diffPlanSnapshots, countChanges, type PlanChange, type PlanSectionChanges } from './diff-plan-snapshots';
export { describeChoice } from './choice-words';
export { summariseRemoval, isLargeRemoval, describeRemoval, LARGE_REMOVAL, type RemovalSummary } from './removal-summary';
export { describeLargeRemoval } from './measure-removal';
