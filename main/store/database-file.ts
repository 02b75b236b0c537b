import { closeSync, existsSync, mkdirSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CURRENT_SCHEMA_VERSION } from './migrations';

/** Written into every CareHouse database header, so a foreign SQLite file is recognised. */
export const CAREHOUSE_APPLICATION_ID = 0x43485331; // "CHS1"
export const DATABASE_FILE_NAME = 'carehouse.db';
const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Files SQLite and CareHouse themselves keep in a data folder. */
const OWN_FILE_PATTERN = /^(carehouse\.db(-wal|-shm|-journal)?|logs|backups|restore-previous-.*|\.carehouse-.*)$/;

export class ForeignDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForeignDataError';
  }
}

export interface DatabaseOpenOptions {
  /** Path to a better-sqlite3 build for this runtime (Electron uses its own). */
  nativeBinding?: string;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

/**
 * Looks at a data folder and its database WITHOUT changing anything, and refuses what is
 * not ours: a folder full of other files, a SQLite file from another program, a
 * CareHouse database written by a newer version, or a file that is not SQLite at all.
 */
export function inspectDataDir(dataDir: string, options: DatabaseOpenOptions = {}): 'new' | 'existing' {
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new ForeignDataError(`${dataDir} is a file, not a CareHouse data folder.`);
  }
  const file = databasePath(dataDir);
  if (!existsSync(file)) {
    const strangers = existsSync(dataDir) ? readdirSync(dataDir).filter((name) => !OWN_FILE_PATTERN.test(name)) : [];
    if (strangers.length > 0) {
      throw new ForeignDataError(
        `${dataDir} is not a CareHouse data folder (it holds ${strangers.length} other file(s)). Choose an empty or CareHouse folder; nothing was changed.`,
      );
    }
    return 'new';
  }
  // Read the header bytes ourselves: even a read-only SQLite open may create -wal/-shm
  // files next to a foreign database, and "left untouched" means not one byte added.
  const header = readSqliteHeader(file);
  if (header === 'empty') return 'new';
  checkHeader(file, headerOrWalTruth(file, header, options));
  return 'existing';
}

interface SqliteHeader {
  applicationId: number;
  userVersion: number;
}

function readSqliteHeader(file: string): SqliteHeader | 'empty' {
  const size = statSync(file).size;
  if (size === 0) return 'empty';
  const bytes = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, bytes, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || bytes.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    throw new ForeignDataError(`${file} is not a CareHouse database (it is not a SQLite file). It was left untouched.`);
  }
  return { userVersion: bytes.readUInt32BE(60), applicationId: bytes.readUInt32BE(68) };
}

/**
 * A database whose first session crashed before SQLite checkpointed its WAL can still show
 * a blank header in the main file (files written before CareHouse set its id before WAL
 * mode). Only then, and only when a WAL is there to say more, ask SQLite itself.
 */
function headerOrWalTruth(file: string, header: SqliteHeader, options: DatabaseOpenOptions): SqliteHeader {
  if (header.applicationId !== 0 || header.userVersion !== 0 || !existsSync(`${file}-wal`)) return header;
  const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    return {
      applicationId: probe.pragma('application_id', { simple: true }) as number,
      userVersion: probe.pragma('user_version', { simple: true }) as number,
    };
  } catch (error) {
    throw new ForeignDataError(`${file} is not a readable CareHouse database (${(error as Error).message}). It was left untouched.`);
  } finally {
    probe.close();
  }
}

function checkHeader(file: string, header: SqliteHeader): void {
  if (header.applicationId !== CAREHOUSE_APPLICATION_ID) {
    throw new ForeignDataError(`${file} is a database from another program, not CareHouse. It was left untouched.`);
  }
  if (header.userVersion > CURRENT_SCHEMA_VERSION) {
    throw new ForeignDataError(
      `${file} was written by a newer CareHouse (schema ${header.userVersion}; this version knows up to ${CURRENT_SCHEMA_VERSION}). Update CareHouse; the file was left untouched.`,
    );
  }
}

/** Opens (creating if new) the database with the settings durability depends on. */
export function openDatabaseFile(dataDir: string, options: DatabaseOpenOptions = {}): Database.Database {
  const state = inspectDataDir(dataDir, options);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(databasePath(dataDir), { nativeBinding: options.nativeBinding });
  try {
    // Our id goes into the main file's header BEFORE WAL mode, so even a crash before the
    // first checkpoint leaves a file that says it is CareHouse's.
    if (state === 'new') db.pragma(`application_id = ${CAREHOUSE_APPLICATION_ID}`);
    db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk (WAL fsynced) before better-sqlite3 returns, so an
    // acknowledged update survives power loss, not only a process crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Temporary tables and sort spills stay in memory, never in a temp file on disk.
    db.pragma('temp_store = MEMORY');
    // Deleted pages are zeroed, so removed rows do not linger in free space.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    // The header may have been newer in a WAL left by a crash: check what SQLite now sees.
    checkHeader(databasePath(dataDir), {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: db.pragma('user_version', { simple: true }) as number,
    });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
