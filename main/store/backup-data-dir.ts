import { CareStore } from './care-store';
import { ForeignDataError, inspectDataDir } from './database-file';
import type { KeySource } from './key-ring';
import type { BackupOutcome } from './backup-writer';

/**
 * Backs up a data folder from outside the app (the CLI), while the app may be running.
 * It unlocks the data (a second connection; WAL lets both work) because a backup now
 * checks every sealed value and is bound to the data key — a backup that cannot be
 * verified is not worth trusting later.
 */
export async function backupDataDir(dataDir: string, outFile: string, keySource: KeySource): Promise<BackupOutcome> {
  if (inspectDataDir(dataDir) !== 'existing') throw new ForeignDataError(`${dataDir} holds no CareHouse data to back up.`);
  const store = CareStore.open({ dataDir, keySource });
  try {
    return await store.backup(outFile);
  } finally {
    store.close({ fold: false });
  }
}
