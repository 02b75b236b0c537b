import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { databasePath } from '../../../main/store/database-file';
import { DamagedDatabaseError } from '../../../main/store/store-errors';
import { fingerprintDir } from '../../support/file-fingerprint';
import { TEST_PASSPHRASE, openTestStore, tempDataDir } from '../../support/temp-store';
import { runCli } from './support/run-cli';
import { seedStore, type SeededStore } from './support/tampered-store';

const passphraseEnv = { CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE };
const PLAIN = /The CareHouse data file .*carehouse\.db is damaged \((.*)\)\. It was left exactly as it is\. Restore your data from a backup/;

let seeded: SeededStore;
let backupFile: string;
let wholeBytes: Buffer;
beforeAll(async () => {
  seeded = seedStore();
  wholeBytes = readFileSync(databasePath(seeded.dataDir));
  backupFile = join(tempDataDir('carehouse-backups'), 'before-damage.carehouse-backup');
  expect((await runCli(['backup', '--data-dir', seeded.dataDir, '--out', backupFile], passphraseEnv)).code).toBe(0);
});

function folderWith(bytes: Buffer): string {
  const dir = tempDataDir('carehouse-damaged-file');
  writeFileSync(databasePath(dir), bytes, { mode: 0o600 });
  return dir;
}

const cases: Record<string, () => Buffer> = {
  '0-byte': () => Buffer.alloc(0),
  'truncated to half its pages': () => wholeBytes.subarray(0, Math.floor(wholeBytes.length / 4096 / 2) * 4096),
  'truncated mid-page': () => wholeBytes.subarray(0, wholeBytes.length - 1000),
  'truncated inside the header': () => wholeBytes.subarray(0, 40),
};

describe('a 0-byte or truncated database is reported in plain words and never replaced', () => {
  it('control: the whole file opens and lists both plans', async () => {
    const dir = folderWith(wholeBytes);
    const list = await runCli(['list', '--data-dir', dir], passphraseEnv);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Jill Marsh');
  });

  for (const [what, bytes] of Object.entries(cases)) {
    it(`${what}: list and the store refuse with the plain message; the folder is unchanged`, async () => {
      const dir = folderWith(bytes());
      const before = fingerprintDir(dir);
      const list = await runCli(['list', '--data-dir', dir], passphraseEnv);
      expect(list.code).toBe(1);
      expect(list.stderr).toMatch(PLAIN);
      expect(list.stderr).not.toMatch(/malformed|SQLITE_/);
      expect(() => openTestStore(dir)).toThrow(DamagedDatabaseError);
      expect(fingerprintDir(dir)).toBe(before);
      expect(statSync(databasePath(dir)).size).toBe(bytes().length);
    });
  }

  it('what the message says to do works: restore from a backup over the damaged file, which is kept aside', async () => {
    const dir = folderWith(Buffer.alloc(0));
    const restore = await runCli(['restore', '--data-dir', dir, '--from', backupFile], passphraseEnv);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Restored 2 plan(s)');
    const list = await runCli(['list', '--data-dir', dir], passphraseEnv);
    expect(list.stdout).toContain('Amir Hassan');
    // The damaged file is not thrown away.
    const kept = restore.stdout.match(/kept in (.*)$/m)?.[1];
    expect(kept).toBeTruthy();
    expect(statSync(join(kept ?? '', 'carehouse.db')).size).toBe(0);
  });
});

describe('a truncated file is not mistaken for a foreign one, and vice versa', () => {
  it('a short file that is not SQLite at all is still "not a CareHouse database"', () => {
    const dir = folderWith(Buffer.from('not a database at all'));
    expect(() => openTestStore(dir)).toThrow(/not a SQLite file/);
  });

  it('a truncated copy keeps its size: nothing was written', () => {
    const dir = folderWith(wholeBytes);
    truncateSync(databasePath(dir), 4096 * 2);
    expect(() => openTestStore(dir)).toThrow(PLAIN);
    expect(statSync(databasePath(dir)).size).toBe(4096 * 2);
  });
});
