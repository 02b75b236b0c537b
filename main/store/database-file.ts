import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fsyncDir } from './backup-durable-io';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { DamagedDatabaseError } from './store-errors';

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
  if (header === 'empty') {
    // New stores are created whole and renamed into place (createDatabaseFile), so an empty
    // file is one that lost its contents: never quietly replaced by a new, empty store.
    // Only a WAL beside it (a store from before that change, crashed in its first session)
    // can still hold the data; then SQLite is asked.
    if (!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0) {
      throw new DamagedDatabaseError(file, 'it is empty: 0 bytes');
    }
    return 'existing';
  }
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
  const present = bytes.subarray(0, Math.min(size, 16)).toString('latin1');
  if (size < 100 && SQLITE_MAGIC.startsWith(present)) throw new DamagedDatabaseError(file, `it is cut short: ${size} bytes`);
  if (size < 100 || present !== SQLITE_MAGIC) {
    throw new ForeignDataError(`${file} is not a CareHouse database (it is not a SQLite file). It was left untouched.`);
  }
  // A non-empty WAL beside a short main file is a checkpoint that was cut off (a full disk,
  // a crash): the WAL still holds those pages and SQLite completes the checkpoint on open.
  // Only a short file with no WAL to finish it is damaged.
  if (!hasWal(file)) checkWholeFile(file, bytes, size);
  return { userVersion: bytes.readUInt32BE(60), applicationId: bytes.readUInt32BE(68) };
}

function hasWal(file: string): boolean {
  return existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0;
}

/**
 * A truncated file is caught from its header, before SQLite ever reads it (SQLite's own
 * answer, "database disk image is malformed", comes late and in words nobody can act on):
 * pages are whole, and when the header's page count is current (its "valid-for" counter
 * matches the change counter) the file must hold at least that many pages.
 */
function checkWholeFile(file: string, header: Buffer, size: number): void {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  const countIsCurrent = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (pageSize < 512 || size % pageSize !== 0) throw new DamagedDatabaseError(file, `it is cut short: ${size} bytes, not whole pages`);
  if (countIsCurrent && pageCount > 0 && size < pageCount * pageSize) {
    throw new DamagedDatabaseError(file, `it is cut short: ${size} of ${pageCount * pageSize} bytes`);
  }
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

/**
 * A new database is made whole under a temporary name — CareHouse's id in its header, mode
 * 0600 from its first byte — then renamed into place. So `carehouse.db` never exists empty,
 * and an empty one can always be reported as damaged rather than taken for a new store.
 */
function createDatabaseFile(dataDir: string, options: DatabaseOpenOptions): void {
  const partial = join(dataDir, `.carehouse-new-${randomBytes(6).toString('hex')}.db`);
  closeSync(openSync(partial, 'wx', 0o600));
  try {
    const db = new Database(partial, { nativeBinding: options.nativeBinding });
    try {
      db.pragma(`application_id = ${CAREHOUSE_APPLICATION_ID}`);
    } finally {
      db.close();
    }
    const fd = openSync(partial, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, databasePath(dataDir));
    fsyncDir(dataDir);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Owner-only: the folder 0700, the database and SQLite's side files 0600 (older stores were 0644). */
function restrictModes(dataDir: string): void {
  if (process.platform === 'win32') return;
  chmodSync(dataDir, 0o700);
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const file = `${databasePath(dataDir)}${suffix}`;
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/** Opens (creating if new) the database with the settings durability depends on. */
export function openDatabaseFile(dataDir: string, options: DatabaseOpenOptions = {}): Database.Database {
  const state = inspectDataDir(dataDir, options);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (state === 'new') createDatabaseFile(dataDir, options);
  restrictModes(dataDir);
  const db = new Database(databasePath(dataDir), { nativeBinding: options.nativeBinding, fileMustExist: true });
  try {
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
