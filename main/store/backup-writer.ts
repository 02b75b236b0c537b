import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { writeFileDurably } from './backup-durable-io';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, encodeBackup, sha256Hex, type BackupManifest } from './backup-format';
import { CAREHOUSE_APPLICATION_ID, ForeignDataError, databasePath, inspectDataDir } from './database-file';

export class BackupFailedError extends Error {
  constructor(reason: string) {
    super(`The backup could not be made: ${reason}`);
    this.name = 'BackupFailedError';
  }
}

/** Pages per backup step after the first; large, so writers rarely force a restart. */
const PAGES_PER_STEP = 1 << 20;

/**
 * Makes a `.carehouse-backup` of an open CareHouse database with SQLite's online backup
 * API: a consistent snapshot of every committed transaction, taken while other
 * connections (the running app) keep writing. Values inside stay sealed, so the backup
 * is encrypted exactly as the live store is; no key is needed to make one.
 */
export async function writeBackup(source: Database.Database, outFile: string, now: () => string = () => new Date().toISOString()): Promise<BackupManifest> {
  // 0700 staging folder: the copy holds only sealed values, but nobody else needs to see it.
  const staging = mkdtempSync(join(tmpdir(), 'carehouse-backup-'));
  try {
    const staged = join(staging, 'carehouse.db');
    await source.backup(staged, { progress: () => PAGES_PER_STEP });
    const copy = new Database(staged);
    let schemaVersion: number;
    let applicationId: number;
    try {
      const integrity = copy.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new BackupFailedError('the copy failed its integrity check.');
      // A self-contained file: no WAL needed beside it when it is restored.
      copy.pragma('journal_mode = DELETE');
      schemaVersion = copy.pragma('user_version', { simple: true }) as number;
      applicationId = copy.pragma('application_id', { simple: true }) as number;
    } finally {
      copy.close();
    }
    if (applicationId !== CAREHOUSE_APPLICATION_ID) throw new BackupFailedError('the source is not a CareHouse database.');
    const database = readFileSync(staged);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: now(),
      schemaVersion,
      applicationId,
      databaseBytes: database.length,
      databaseSha256: sha256Hex(database),
    };
    mkdirSync(dirname(outFile), { recursive: true, mode: 0o700 });
    writeFileDurably(outFile, encodeBackup(manifest, database));
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Backs up a data folder from outside the app (the CLI), while the app may be running.
 * No passphrase: the backup copies sealed values and never opens them.
 */
export async function backupDataDir(dataDir: string, outFile: string): Promise<BackupManifest> {
  if (inspectDataDir(dataDir) !== 'existing') throw new ForeignDataError(`${dataDir} holds no CareHouse data to back up.`);
  const db = new Database(databasePath(dataDir), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return await writeBackup(db, outFile);
  } finally {
    db.close();
  }
}
