import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchDefinition, BenchResult } from './bench-row';
import { printTable } from './print-table';

/**
 * Runs the benchmark files scripts/bench.mjs found in tests/bench/rows/ (each exports
 * `bench`), those whose file name or bench name contains one of the filters when given.
 * Speed and memory are measured here, never asserted in timed tests: each row compares the
 * real path against a baseline measured in the same run on the same machine.
 */
export async function runBenchmarks(files: ReadonlyArray<{ file: string; bench: BenchDefinition }>, filters: readonly string[]): Promise<number> {
  const chosen = files.filter(({ file, bench }) => filters.length === 0 || filters.some((filter) => file.includes(filter) || bench.name.includes(filter)));
  if (chosen.length === 0) {
    console.error(`No benchmark matches ${filters.join(', ')}. Files: ${files.map(({ file }) => file).join(', ')}`);
    return 2;
  }
  const dirs: string[] = [];
  const context = {
    tempDir: () => {
      const dir = mkdtempSync(join(tmpdir(), 'carehouse-bench-'));
      dirs.push(dir);
      return dir;
    },
    note: (message: string) => console.error(`  ${message}`),
  };
  const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(`CareHouse benchmarks, ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} CPUs, load average ${load()}`);
  const results: BenchResult[] = [];
  let failed = 0;
  try {
    for (const { file, bench } of chosen) {
      console.error(`${bench.name} (${file}), load average ${load()}`);
      try {
        results.push(...(await bench.run(context)));
      } catch (error) {
        failed += 1;
        console.error(`  FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
  printTable(results);
  console.log(`\nload average at the end ${load()}; values are min / median / max over rounds; ratio = candidate median / baseline median`);
  return failed > 0 ? 1 : 0;
}
