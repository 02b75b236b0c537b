import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');

function build(out: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: root, env, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

const production = mkdtempSync(join(tmpdir(), 'carehouse-build-'));
const development = mkdtempSync(join(tmpdir(), 'carehouse-build-dev-'));
afterAll(() => {
  rmSync(production, { recursive: true, force: true });
  rmSync(development, { recursive: true, force: true });
});

describe('the build that ships', () => {
  it('is React’s minified production build by default (what npm start, start:browser and packaging run), with icon and favicon', () => {
    const { NODE_ENV: _ignored, ...env } = process.env;
    build(production, env);
    build(development, { ...env, NODE_ENV: 'development' });
    const shipped = readFileSync(join(production, 'renderer/app.js'), 'utf8');
    const dev = readFileSync(join(development, 'renderer/app.js'), 'utf8');
    // Control: the development build really carries React's development warnings.
    expect(dev).toContain('Download the React DevTools');
    expect(shipped).not.toContain('Download the React DevTools');
    expect(shipped).not.toMatch(/react-dom\.development|Warning: Each child in a list/);
    // Minified: a fraction of the development bundle, and few lines.
    expect(statSync(join(production, 'renderer/app.js')).size).toBeLessThan(statSync(join(development, 'renderer/app.js')).size / 2);
    expect(shipped.split('\n').length).toBeLessThan(400);
    for (const file of ['renderer/favicon.png', 'renderer/icon.png', 'renderer/index.html']) expect(existsSync(join(production, file)), file).toBe(true);
    expect(readFileSync(join(production, 'renderer/index.html'), 'utf8')).toContain('rel="icon"');
    // PNG signature: real images, not placeholders.
    expect(readFileSync(join(production, 'renderer/icon.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
