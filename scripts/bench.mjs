// `npm run bench [-- filter...]`: bundles every benchmark file in tests/bench/rows/ (each
// exports `bench`) with the runner, then runs it with --expose-gc for honest memory numbers.
// A filter keeps the files whose name (or bench name) contains it: `npm run bench -- main-acceptance`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const rowsDir = join('tests', 'bench', 'rows');
const files = readdirSync(rowsDir).filter((name) => name.endsWith('.ts')).sort();
const contents = [
  "import { runBenchmarks } from './tests/bench/run-benchmarks';",
  ...files.map((file, index) => `import { bench as bench${index} } from './tests/bench/rows/${file.replace(/\.ts$/, '')}';`),
  `const files = [${files.map((file, index) => `{ file: ${JSON.stringify(file)}, bench: bench${index} }`).join(', ')}];`,
  'runBenchmarks(files, process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => { console.error(error); process.exitCode = 1; });',
].join('\n');

const out = join('dist', 'bench', 'run-benchmarks.cjs');
await build({
  stdin: { contents, resolveDir: process.cwd(), sourcefile: 'bench-entry.ts', loader: 'ts' },
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['better-sqlite3', 'pdfkit', 'playwright-core', '@playwright/test', 'electron', 'esbuild', 'ws'],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
