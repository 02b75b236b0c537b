import type { Stats } from './measure';

/**
 * One line of the performance record: a candidate (our real path) against a baseline
 * measured in the same run on the same machine, each as min/median/max over rounds.
 */
export interface BenchResult {
  name: string;
  baselineLabel: string;
  baseline: Stats;
  candidateLabel: string;
  candidate: Stats;
  unit: string;
  /** The target from the issue, as words ("<= 1 ms and <= 2x Jill's"); measured, never asserted. */
  target?: string;
}

export interface BenchContext {
  /** A fresh temporary folder, removed when the run ends. */
  tempDir(): string;
  /** Progress for long rows (printed to stderr so the table stays clean). */
  note(message: string): void;
}

/**
 * A benchmark file in tests/bench/rows/ exports `bench`: a name (what `npm run bench --
 * <filter>` matches, with the file name) and a run producing one or more rows.
 */
export interface BenchDefinition {
  name: string;
  run(context: BenchContext): Promise<BenchResult[]> | BenchResult[];
}

export function defineBench(definition: BenchDefinition): BenchDefinition {
  return definition;
}
