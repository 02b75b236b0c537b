import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsUnder, type ImportEdge } from './import-graph';

const root = join(__dirname, '..', '..', '..');
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const packageName = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0] ?? specifier);
const show = (edges: ImportEdge[]) => edges.map((edge) => `${edge.file} -> ${edge.specifier}`);

/** Pure packages shared/ may use: they run unchanged in Node, Chromium and Electron. */
const sharedPackages = new Set(['yjs', 'zod', 'lib0', '@noble/curves', '@noble/hashes']);

describe('layer rules (architecture.md "Rules of the house")', () => {
  it('shared/ imports nothing from main/, renderer/, Node built-ins, Electron or DOM-only packages', () => {
    const edges = importsUnder(root, 'shared');
    expect(edges.length).toBeGreaterThan(0);
    const outside = edges.filter((edge) => edge.target !== undefined && !edge.target.startsWith('shared/'));
    const builtins = edges.filter((edge) => nodeBuiltins.has(edge.specifier));
    const packages = edges.filter((edge) => edge.target === undefined && !nodeBuiltins.has(edge.specifier) && !sharedPackages.has(packageName(edge.specifier)));
    expect(show(outside)).toEqual([]);
    expect(show(builtins)).toEqual([]);
    expect(show(packages)).toEqual([]);
  });

  it('shared/ type-checks with no DOM and no Node types at all', () => {
    // tsconfig.shared.json has lib ES2023 only and types []: any use of window, document,
    // Buffer or process in shared/ is a compile error here.
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.shared.json')], { stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: Buffer }).stdout ?? error);
    }
    expect(output).toBe('');
  });

  it('renderer/ never imports main/ or Node built-ins', () => {
    const edges = importsUnder(root, 'renderer');
    expect(show(edges.filter((edge) => edge.target?.startsWith('main/')))).toEqual([]);
    expect(show(edges.filter((edge) => nodeBuiltins.has(edge.specifier) || edge.specifier === 'electron'))).toEqual([]);
  });

  it("only main/electron/ imports 'electron'", () => {
    const everywhere = ['main', 'renderer', 'shared'].flatMap((folder) => importsUnder(root, folder));
    const offenders = everywhere.filter((edge) => packageName(edge.specifier) === 'electron' && !edge.file.startsWith('main/electron/'));
    expect(show(offenders)).toEqual([]);
    expect(everywhere.some((edge) => edge.specifier === 'electron')).toBe(true);
  });

  it('main/ outside electron/ never imports renderer/', () => {
    const edges = importsUnder(root, 'main');
    expect(show(edges.filter((edge) => edge.target?.startsWith('renderer/')))).toEqual([]);
  });
});
