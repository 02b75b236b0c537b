import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const repoRoot = resolve(__dirname, '..', '..');

/**
 * Bundles a TypeScript entry point (a crash writer, the CLI) into one CommonJS file a
 * child process can run with plain `node`, the same way scripts/build.mjs builds the
 * shipped programs. tsx is not a dependency; esbuild already is.
 */
export async function bundleForChild(entry: string, name: string): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'carehouse-child-')), `${name}.cjs`);
  await build({
    entryPoints: [resolve(repoRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    // As scripts/build.mjs: native or data-file packages load from node_modules (NODE_PATH, see childEnv).
    external: ['better-sqlite3', 'electron', 'pdfkit', 'ws', 'bufferutil', 'utf-8-validate', 'pg-native'],
    logLevel: 'error',
    absWorkingDir: repoRoot,
  });
  return outfile;
}

/** Environment for a bundled child: finds the project's native modules, nothing else added. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: join(repoRoot, 'node_modules'), ...extra };
}
