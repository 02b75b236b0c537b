import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fsyncDir, fsyncFile, writeFileDurably } from './backup-durable-io';
import { InvalidBackupError, decodeBackup, type BackupManifest } from './backup-format';
import { CareStore } from './care-store';
import { CAREHOUSE_APPLICATION_ID, ForeignDataError, databasePath, inspectDataDir } from './database-file';
import { isKeyRingInitialised, type KeySource } from './key-ring';
import { CHAINED_SCHEMA_VERSION, CURRENT_SCHEMA_VERSION } from './migrations';
import { manifestMacHolds } from './backup-mac';
import { logIntegrityFailure } from './integrity-log';
import { StoreSchemaError } from './schema-check';
import { DamagedDatabaseError } from './store-errors';

/** Larger than any real care-plan store by far; refused before reading it into memory. */
const MAX_BACKUP_BYTES = 2 * 1024 * 1024 * 1024 - 1;
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

export class DataInUseError extends Error {
  constructor() {
    super('CareHouse is using this data folder right now. Close CareHouse and try again. Nothing was changed.');
    this.name = 'DataInUseError';
  }
}

export interface VerifiedBackup {
  manifest: BackupManifest;
  /** The database to put in place: the backup's own bytes, or with damaged plans taken out (salvage). */
  database: Buffer;
  plans: number;
  /** Plans found damaged; restored only by salvage, which leaves them out. */
  damagedPlans: Array<{ planId: string; problems: string[] }>;
}

export interface VerifyOptions {
  /** Restore the healthy plans of a backup with damaged ones, leaving those out. */
  salvage?: boolean;
}

/**
 * Verifies a backup COMPLETELY without touching any data folder: the container (magic,
 * sizes, checksums), then the database inside it on a private temporary copy (SQLite
 * integrity check, that it is CareHouse's and not from a newer version), then that the
 * passphrase unlocks it, that the manifest's MAC was made with that data key (a backup
 * rebuilt around an edited database has valid hashes but cannot have this), the schema,
 * every plan's chains, every agreed version and every sealed value.
 */
export function verifyBackupFile(from: string, keySource: KeySource, options: VerifyOptions = {}): VerifiedBackup {
  if (!existsSync(from) || !statSync(from).isFile()) throw new InvalidBackupError(`${from} is not a file.`);
  if (statSync(from).size > MAX_BACKUP_BYTES) throw new InvalidBackupError('it is far larger than any CareHouse backup.');
  const { manifest, database } = decodeBackup(readFileSync(from));
  if (manifest.applicationId !== CAREHOUSE_APPLICATION_ID) throw new InvalidBackupError('it does not hold CareHouse data.');
  if (manifest.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new InvalidBackupError(`it was made by a newer CareHouse (schema ${manifest.schemaVersion}). Update CareHouse first.`);
  }
  // Stores with chains only ever write key-bound backups: an unkeyed one claiming to hold
  // such a store was rebuilt by someone without the key.
  if (manifest.formatVersion === 1 && manifest.schemaVersion >= CHAINED_SCHEMA_VERSION) {
    throw new InvalidBackupError('it is not bound to this data\'s key (it was rebuilt outside CareHouse).');
  }
  const staging = mkdtempSync(join(tmpdir(), 'carehouse-restore-check-'));
  try {
    writeFileSync(databasePath(staging), database, { mode: 0o600 });
    try {
      inspectDataDir(staging);
    } catch (error) {
      if (error instanceof ForeignDataError) throw new InvalidBackupError('the database inside it is not CareHouse data.');
      throw error;
    }
    checkDatabaseFile(databasePath(staging), manifest);
    return checkStoreCopy(staging, keySource, manifest, database, options);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function checkDatabaseFile(file: string, manifest: BackupManifest): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new InvalidBackupError('the database inside it is damaged.');
    if (db.pragma('application_id', { simple: true }) !== CAREHOUSE_APPLICATION_ID) throw new InvalidBackupError('it does not hold CareHouse data.');
    if (db.pragma('user_version', { simple: true }) !== manifest.schemaVersion) throw new InvalidBackupError('its description does not match its contents.');
    // Without a key ring, opening it would mint a NEW key: a backup must bring its own.
    if (!isKeyRingInitialised(db)) throw new InvalidBackupError('it holds no encryption key.');
  } catch (error) {
    if (error instanceof InvalidBackupError) throw error;
    throw new InvalidBackupError('the database inside it cannot be read.');
  } finally {
    db?.close();
  }
}

/** Unlocks the temporary copy and checks everything in it: MAC, schema, chains, every sealed value. */
function checkStoreCopy(staging: string, keySource: KeySource, manifest: BackupManifest, database: Buffer, options: VerifyOptions): VerifiedBackup {
  let store: CareStore;
  let salvage: Pick<VerifiedBackup, 'plans' | 'damagedPlans'>;
  try {
    store = CareStore.open({ dataDir: staging, keySource });
  } catch (error) {
    if (error instanceof StoreSchemaError) throw new InvalidBackupError(`the database inside it is missing some of its protections (${error.differences.join('; ')}).`);
    throw error;
  }
  try {
    if (manifest.formatVersion === 2 && !manifestMacHolds(store.dataKey, manifest)) {
      logIntegrityFailure('backup-refused');
      throw new InvalidBackupError('it was not made with this data\'s key, or it was altered after it was made.');
    }
    const report = store.deepCheck();
    if (report.storeProblems.length > 0) {
      logIntegrityFailure('backup-refused');
      throw new InvalidBackupError(`some of its contents fail their integrity check (${report.storeProblems.join('; ')}).`);
    }
    const plans = store.listPlans(true).length;
    if (report.damagedPlans.length === 0) return { manifest, database, plans, damagedPlans: [] };
    if (!options.salvage) {
      logIntegrityFailure('backup-refused');
      throw new InvalidBackupError(
        `some of its contents fail their integrity check: ${report.damagedPlans.length} of its ${plans} plan(s) are damaged (${report.damagedPlans
          .map((plan) => `${plan.planId}: ${plan.problems.join(', ')}`)
          .join('; ')}). To restore the healthy plans and leave the damaged ones out, run restore again with --salvage.`,
      );
    }
    store.removeDamagedPlans();
    salvage = { plans: store.listPlans(true).length, damagedPlans: report.damagedPlans };
  } finally {
    store.close();
  }
  // The salvaged copy as close() left it: checkpointed into one self-contained file.
  return { manifest, database: readFileSync(databasePath(staging)), ...salvage };
}

/** Refuses while another process has the database open; otherwise folds its WAL in. */
function quiesceCurrentDatabase(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: 1000 });
  try {
    // Exclusive locking mode needs every other connection (the running app) gone.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')) throw new DataInUseError();
    throw error;
  } finally {
    db.close();
  }
}

/** Restore is how a damaged database is replaced, so a damaged current file is not a refusal here. */
function currentState(dataDir: string): 'new' | 'existing' | 'damaged' {
  try {
    return inspectDataDir(dataDir);
  } catch (error) {
    if (error instanceof DamagedDatabaseError) return 'damaged';
    throw error;
  }
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

export interface RestoreOptions {
  dataDir: string;
  from: string;
  /** Unlocks the BACKUP: the passphrase that was in force when it was made. */
  keySource: KeySource;
  /** Restore the healthy plans and leave damaged ones out (they are reported). */
  salvage?: boolean;
  now?: () => Date;
}

export interface RestoreOutcome {
  manifest: BackupManifest;
  plans: number;
  /** Plans left out by salvage, with what was wrong with each. */
  leftOut: Array<{ planId: string; problems: string[] }>;
  /** Where the data that was replaced now lives; null when the folder held none. */
  previousDir: string | null;
}

/**
 * Restores a backup into a data folder. Everything is verified first; only then is the
 * current database copied aside to `restore-previous-<timestamp>/` and the restored one
 * renamed into place (atomic on one file system), so a crash mid-restore leaves either
 * the old database or the restored one, and the old one is always kept.
 */
export function restoreBackup(options: RestoreOptions): RestoreOutcome {
  const state = currentState(options.dataDir);
  const verified = verifyBackupFile(options.from, options.keySource, { salvage: options.salvage });
  const stamp = timestamp((options.now ?? (() => new Date()))());
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const target = databasePath(options.dataDir);
  // Staged inside the data folder so the final rename stays on one file system.
  const staging = join(options.dataDir, `.carehouse-restore-${stamp}`);
  mkdirSync(staging, { mode: 0o700 });
  try {
    const staged = join(staging, 'carehouse.db');
    writeFileDurably(staged, verified.database);
    let previousDir: string | null = null;
    if (state !== 'new') {
      // A damaged file cannot be opened to check for other users; it is moved aside as it is.
      if (state === 'existing') quiesceCurrentDatabase(target);
      previousDir = join(options.dataDir, `restore-previous-${stamp}`);
      mkdirSync(previousDir, { mode: 0o700 });
      copyFileSync(target, join(previousDir, 'carehouse.db'));
      fsyncFile(join(previousDir, 'carehouse.db'));
      // A stale WAL beside the restored file would be replayed into it: move any aside first.
      for (const suffix of SIDE_FILES) {
        if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, join(previousDir, `carehouse.db${suffix}`));
      }
      fsyncDir(previousDir);
    }
    renameSync(staged, target);
    fsyncDir(options.dataDir);
    return { manifest: verified.manifest, plans: verified.plans, leftOut: verified.damagedPlans, previousDir };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
