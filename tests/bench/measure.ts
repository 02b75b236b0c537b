/** Runs fn repeatedly and returns the median milliseconds per run (after a short warm-up). */
export function medianMs(runs: number, fn: () => void): number {
  for (let index = 0; index < Math.min(3, runs); index += 1) fn();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export async function medianMsAsync(runs: number, fn: () => Promise<void>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export interface BenchRow {
  name: string;
  baselineLabel: string;
  baseline: number;
  candidateLabel: string;
  candidate: number;
  unit: string;
}

function formatRatio(ratio: number): string {
  return ratio >= 0.01 ? `${ratio.toFixed(2)}x` : `1/${Math.round(1 / ratio)}`;
}

export function printTable(rows: readonly BenchRow[]): void {
  const header = ['benchmark', 'baseline', 'value', 'candidate', 'value', 'ratio'];
  const lines = rows.map((row) => [
    row.name,
    row.baselineLabel,
    `${row.baseline.toFixed(3)} ${row.unit}`,
    row.candidateLabel,
    `${row.candidate.toFixed(3)} ${row.unit}`,
    formatRatio(row.candidate / row.baseline),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}
