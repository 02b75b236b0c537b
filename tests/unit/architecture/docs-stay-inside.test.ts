import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..', '..');

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** Markdown link targets, without the #fragment: [text](target). */
function linkTargets(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => (match[1] ?? '').split('#')[0] ?? '').filter((target) => target !== '');
}

// The repository stands on its own: a reader of the README or docs/ never needs a file that is
// not in the repository, and nothing points at a web address.
describe('README and docs/ link nothing outside the repository', () => {
  const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];

  it('finds the documents it checks', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files.map((file) => [relative(root, file), file] as const))('%s: every link resolves to a file in the repository', (_name, file) => {
    const outside = linkTargets(readFileSync(file, 'utf8')).filter((target) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return true;
      const resolved = resolve(dirname(file), target);
      return relative(root, resolved).startsWith('..') || !existsSync(resolved);
    });
    expect(outside).toEqual([]);
  });
});
