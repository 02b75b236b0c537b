import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { writeFileDurably } from './backup-durable-io';
import { BACKUP_FORMAT, encodeBackup, sha256Hex, type KeyedBackupManifest } from './backup-format';
import { manifestMac } from './backup-mac';
import { CAREHOUSE_APPLICATION_ID } from './database-file';

export class BackupFailedError extends Error {
  constructor(reason: string) {
    super(`The backup could not be made: ${reason}`);
    this.name = 'BackupFailedError';
  }
}

/** Pages per backup step after the first; large, so writers rarely force a restart. */
const PAGES_PER_STEP = 1 << 20;

export interface CopyInspection {
  plans: number;
  storeProblems: string[];
  damagedPlans: Array<{ planId: string; problems: string[] }>;
}

export interface BackupOutcome extends CopyInspection {
  manifest: KeyedBackupManifest;
}

export interface BackupSource {
  db: Database.Database;
  dataKey: Buffer;
  now: () => string;
  /** Electron's better-sqlite3 build (undefined under Node). */
  nativeBinding?: string;
  /** Opens the staged copy as a store and checks every chain and sealed value in it. */
  inspect: (stagedDir: string) => CopyInspection;
}

/**
 * Makes a `.carehouse-backup` of an open CareHouse database with SQLite's online backup
 * API: a consistent snapshot of every committed transaction, taken while other
 * connections (the running app) keep writing. Values inside stay sealed, so the backup
 * is encrypted exactly as the live store is. The copy is checked before it is written out
 * (a damaged plan is named, not silently copied), and the manifest is MACed with a key
 * derived from the data key, so a rebuilt backup cannot pass as this one.
 */
export async function writeBackup(source: BackupSource, outFile: string): Promise<BackupOutcome> {
  // 0700 staging folder: the copy holds only sealed values, but nobody else needs to see it.
  const staging = mkdtempSync(join(tmpdir(), 'carehouse-backup-'));
  try {
    const staged = join(staging, 'carehouse.db');
    await source.db.backup(staged, { progress: () => PAGES_PER_STEP });
    const integrity = new Database(staged, { nativeBinding: source.nativeBinding });
    try {
      if (integrity.pragma('integrity_check', { simple: true }) !== 'ok') throw new BackupFailedError('the copy failed its integrity check.');
    } finally {
      integrity.close();
    }
    const inspection = source.inspect(staging);
    const copy = new Database(staged, { nativeBinding: source.nativeBinding });
    let schemaVersion: number;
    let applicationId: number;
    try {
      // A self-contained file: no WAL needed beside it when it is restored.
      copy.pragma('journal_mode = DELETE');
      schemaVersion = copy.pragma('user_version', { simple: true }) as number;
      applicationId = copy.pragma('application_id', { simple: true }) as number;
    } finally {
      copy.close();
    }
    if (applicationId !== CAREHOUSE_APPLICATION_ID) throw new BackupFailedError('the source is not a CareHouse database.');
    const database = readFileSync(staged);
    const unsigned: Omit<KeyedBackupManifest, 'mac'> = {
      format: BACKUP_FORMAT,
      formatVersion: 2 as const,
      createdAt: source.now(),
      schemaVersion,
      applicationId,
      databaseBytes: database.length,
      databaseSha256: sha256Hex(database),
      damagedPlans: inspection.damagedPlans.map((plan) => plan.planId),
    };
    const manifest: KeyedBackupManifest = { ...unsigned, mac: manifestMac(source.dataKey, unsigned) };
    mkdirSync(dirname(outFile), { recursive: true, mode: 0o700 });
    writeFileDurably(outFile, encodeBackup(manifest, database));
    return { manifest, ...inspection };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
