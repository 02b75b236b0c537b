import type { BenchResult } from './bench-row';
import type { Stats } from './measure';

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

function formatStats(stats: Stats, unit: string): string {
  if (stats.count <= 1) return `${formatNumber(stats.median)} ${unit}`;
  return `${formatNumber(stats.min)} / ${formatNumber(stats.median)} / ${formatNumber(stats.max)} ${unit}`;
}

function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '-';
  return ratio >= 0.01 ? `${ratio.toFixed(2)}x` : `1/${Math.round(1 / ratio)}`;
}

/** The record as a Markdown table: values are min / median / max; the ratio is of medians. */
export function printTable(rows: readonly BenchResult[]): void {
  const header = ['benchmark', 'baseline', 'min / median / max', 'candidate', 'min / median / max', 'ratio', 'target'];
  const lines = rows.map((row) => [
    row.name,
    row.baselineLabel,
    formatStats(row.baseline, row.unit),
    row.candidateLabel,
    formatStats(row.candidate, row.unit),
    formatRatio(row.candidate.median / row.baseline.median),
    row.target ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}
