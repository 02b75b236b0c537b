// `npm run bench`: bundles tests/bench and runs it with --expose-gc for honest memory numbers.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const out = join('dist', 'bench', 'run-benchmarks.cjs');
await build({
  entryPoints: ['tests/bench/run-benchmarks.ts'],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['better-sqlite3', 'pdfkit', 'playwright-core', '@playwright/test', 'electron'],
  logLevel: 'warning',
});
execFileSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(2)], { stdio: 'inherit' });
