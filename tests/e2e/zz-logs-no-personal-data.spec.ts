import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { e2eDataRoot } from './support/e2e-data-root';
import { personalDataNeedles } from './support/personal-data-samples';

/**
 * Runs LAST (zz-, one worker): after every scenario of the run has typed names, NHS
 * numbers and sentences into real hosts, no log file of any of those hosts, and no
 * database file, holds any of them in plaintext.
 */
function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (current: string, depth: number) => {
    if (depth > 8 || !existsSync(current)) return;
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full, depth + 1);
      else if (stat.isFile() && keep(relative(dir, full))) found.push(full);
    }
  };
  walk(dir, 0);
  return found;
}

test('no log and no database file from the whole end-to-end run holds personal data', () => {
  const root = e2eDataRoot();
  const dataDirs = readdirSync(root).map((name) => join(root, name)).filter((path) => statSync(path).isDirectory());
  test.skip(dataDirs.length === 0, 'Run with the whole suite: no end-to-end data folders exist yet in this run.');
  const logs = dataDirs.flatMap((dir) => filesUnder(dir, (path) => path.split(/[\\/]/).includes('logs')));
  const databases = dataDirs.flatMap((dir) => filesUnder(dir, (path) => /(^|[\\/])carehouse\.db(-wal|-shm|-journal)?$/.test(path)));
  expect(logs.length, 'the hosts should have written support logs').toBeGreaterThan(0);
  const hits: string[] = [];
  for (const file of [...logs, ...databases]) {
    const bytes = readFileSync(file);
    for (const needle of personalDataNeedles) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(needle, encoding))) hits.push(`${relative(root, file)}: "${needle}" (${encoding})`);
      }
    }
  }
  test.info().annotations.push({ type: 'scanned', description: `${dataDirs.length} data folders, ${logs.length} log files, ${databases.length} database files` });
  expect(hits).toEqual([]);
});
