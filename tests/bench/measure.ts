/** Min, median and max of a set of samples (plus p95 and count, for latency rows). */
export interface Stats {
  min: number;
  median: number;
  p95: number;
  max: number;
  count: number;
}

export function statsOf(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  return { min: sorted[0] ?? Number.NaN, median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN, count: sorted.length };
}

/** One value measured once (a size, a count): min = median = max. */
export function single(value: number): Stats {
  return statsOf([value]);
}

/** Runs fn `runs` times after a short warm-up; the milliseconds of each run. */
export function sampleMs(runs: number, fn: () => void): Stats {
  for (let index = 0; index < Math.min(3, runs); index += 1) fn();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return statsOf(times);
}

export async function sampleMsAsync(runs: number, fn: () => Promise<void>): Promise<Stats> {
  await fn();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return statsOf(times);
}

/**
 * Repeats a whole measurement in rounds and keeps each round's median: min/median/max of
 * those medians shows how steady the number is on a shared machine.
 */
export function rounds(count: number, measure: () => Stats): Stats {
  return statsOf(Array.from({ length: count }, () => measure().median));
}

export async function roundsAsync(count: number, measure: () => Promise<Stats>): Promise<Stats> {
  const medians: number[] = [];
  for (let index = 0; index < count; index += 1) medians.push((await measure()).median);
  return statsOf(medians);
}
