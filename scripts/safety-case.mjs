// `npm run safety-case`: bundles scripts/safety (TypeScript) with esbuild, as bench.mjs
// does, and runs it to regenerate docs/safety/safety-case.md. `-- --check` only verifies.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const out = join('dist', 'safety', 'write-safety-case.cjs');
await build({
  entryPoints: ['scripts/safety/write-safety-case.ts'],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['typescript'],
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
