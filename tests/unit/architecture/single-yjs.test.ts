import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
// Every copy of yjs carries this marker (it warns when imported twice); one bundle, one copy.
const YJS_MARKER = 'Yjs was already imported';

function countYjsCopies(code: string): number {
  return code.split(YJS_MARKER).length - 1;
}

describe('one copy of yjs', () => {
  it('the dependency tree holds exactly one version of yjs', () => {
    const tree = JSON.parse(execFileSync('npm', ['ls', 'yjs', '--all', '--json'], { cwd: root, encoding: 'utf8' })) as unknown;
    const versions = new Set<string>();
    const walk = (node: unknown) => {
      if (typeof node !== 'object' || node === null) return;
      const dependencies = (node as { dependencies?: Record<string, { version?: string }> }).dependencies ?? {};
      for (const [name, child] of Object.entries(dependencies)) {
        if (name === 'yjs' && child.version) versions.add(child.version);
        walk(child);
      }
    };
    walk(tree);
    expect([...versions]).toHaveLength(1);
  });

  it('the renderer and main bundles each contain yjs once', async () => {
    for (const [entry, platform] of [
      ['renderer/main.tsx', 'browser'],
      ['main/browser-host/run-browser-host.ts', 'node'],
    ] as const) {
      const result = await build({
        entryPoints: [join(root, entry)],
        bundle: true,
        write: false,
        platform,
        format: platform === 'node' ? 'cjs' : 'iife',
        jsx: 'automatic',
        external: ['better-sqlite3', 'electron', 'pdfkit', 'ws', 'bufferutil', 'utf-8-validate'],
        logLevel: 'silent',
        absWorkingDir: root,
      });
      const code = result.outputFiles.map((file) => file.text).join('\n');
      expect(countYjsCopies(code), entry).toBe(1);
    }
    expect(countYjsCopies(readFileSync(join(root, 'node_modules', 'yjs', 'dist', 'yjs.cjs'), 'utf8'))).toBe(1);
  });
});
