import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { configureLog, logEvent } from '../../../main/logging/log';
import { databasePath } from '../../../main/store/database-file';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Every file under a folder with its permission bits, folders included. */
function modesUnder(dir: string): Array<[string, number, boolean]> {
  const found: Array<[string, number, boolean]> = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const directory = statSync(full).isDirectory();
      found.push([full, modeOf(full), directory]);
      if (directory) walk(full);
    }
  };
  walk(dir);
  return found;
}

describe('owner-only files from the first write (issue 12)', () => {
  it('a new data folder is 0700 and every file in it 0600: database, -wal, -shm, backups, logs', async () => {
    const parent = tempDataDir('carehouse-modes');
    const dataDir = join(parent, 'CareHouse');
    expect(process.umask(), 'the usual umask, under which SQLite would make 0644 files').toBe(0o022);
    const store = openTestStore(dataDir);
    configureLog(join(dataDir, 'logs'));
    try {
      const planId = '6f1c3c36-7a55-4f0b-9d55-0d4ad9f5a001';
      const doc = new Y.Doc();
      doc.getText('note').insert(0, 'x');
      store.createPlan(planId, 'Mode test', Y.encodeStateAsUpdate(doc), testActor);
      logEvent('info', 'file-modes-test');
      // While the store is open its WAL and shared-memory files exist: check them live.
      expect(existsSync(`${databasePath(dataDir)}-wal`)).toBe(true);
      expect(existsSync(`${databasePath(dataDir)}-shm`)).toBe(true);
      await store.backup(join(dataDir, 'backups', 'first.carehouse-backup'));
      const modes = modesUnder(dataDir);
      expect(modes.map(([path]) => path.slice(dataDir.length + 1)).sort()).toEqual(
        ['backups', 'backups/first.carehouse-backup', 'carehouse.db', 'carehouse.db-shm', 'carehouse.db-wal', 'logs', 'logs/carehouse.log'].sort(),
      );
      expect(modeOf(dataDir)).toBe(0o700);
      for (const [path, mode, directory] of modes) expect(mode.toString(8), path).toBe(directory ? '700' : '600');
    } finally {
      store.close();
      configureLog(undefined);
    }
  });

  it('an older store made 0644 in a 0755 folder is tightened when it is opened', () => {
    const dataDir = tempDataDir('carehouse-modes-old');
    openTestStore(dataDir).close();
    chmodSync(dataDir, 0o755);
    chmodSync(databasePath(dataDir), 0o644);
    const store = openTestStore(dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(databasePath(dataDir))).toBe(0o600);
      expect(modeOf(`${databasePath(dataDir)}-wal`)).toBe(0o600);
    } finally {
      store.close();
    }
  });
});
