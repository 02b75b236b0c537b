import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unlockKeyRing, type KeySource } from '../store/key-ring';

/**
 * The relay's own SQLite file (relay.db in its data folder): members, one-time
 * invitations, spent challenges, the access log and — with embedded storage — the plans'
 * documents. Everything personal in it (member names, plan content) is sealed with the
 * relay's own data key, wrapped by its passphrase exactly as the desktop store wraps its
 * key (main/store/key-ring.ts): same cipher, same envelope, a different key.
 */
export const RELAY_DATABASE_FILE = 'relay.db';
/** "CHR1": marks the file as a CareHouse relay database, not a desktop one. */
const RELAY_APPLICATION_ID = 0x43485231;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS key_ring (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    kind TEXT NOT NULL CHECK (kind IN ('passphrase', 'os-keyring')),
    salt BLOB,
    wrapped_key BLOB NOT NULL
  );
  CREATE TABLE IF NOT EXISTS relay_members (
    id TEXT PRIMARY KEY,
    public_key BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
    profile_blob BLOB NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE IF NOT EXISTS relay_invitations (
    code_hash BLOB PRIMARY KEY,
    profile_blob BLOB NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  CREATE TABLE IF NOT EXISTS relay_spent_challenges (
    nonce BLOB PRIMARY KEY,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS relay_access_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    member_id TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('read', 'changed', 'listed'))
  );
  CREATE TABLE IF NOT EXISTS relay_documents (
    name TEXT PRIMARY KEY,
    state_blob BLOB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS relay_document_updates (
    name TEXT NOT NULL,
    seq INTEGER NOT NULL,
    update_blob BLOB NOT NULL,
    PRIMARY KEY (name, seq)
  );
  CREATE TABLE IF NOT EXISTS relay_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    members_revision INTEGER NOT NULL
  );
  INSERT OR IGNORE INTO relay_revision (id, members_revision) VALUES (1, 0);
  CREATE TRIGGER IF NOT EXISTS relay_access_log_append_only_update BEFORE UPDATE ON relay_access_log
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
  CREATE TRIGGER IF NOT EXISTS relay_access_log_append_only_delete BEFORE DELETE ON relay_access_log
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
`;

export interface RelayDatabase {
  readonly db: Database.Database;
  /**
   * The same file through a second connection with synchronous=NORMAL, for bookkeeping
   * written on every connection (access log, spent challenges, who wrote which client id).
   * In WAL mode NORMAL still survives a crash of the process — a commit is in the WAL file
   * before it returns — and skips the fsync per row that FULL pays; only a power cut can
   * take the last moments' bookkeeping. Plan content and membership stay on FULL (`db`).
   */
  readonly bookkeeping: Database.Database;
  readonly key: Buffer;
  readonly now: () => string;
}

export class NotARelayFolderError extends Error {
  constructor(dataDir: string) {
    super(`${dataDir} holds a SQLite file that is not a CareHouse relay database; nothing was changed.`);
    this.name = 'NotARelayFolderError';
  }
}

/** Opens (or creates) the relay database and unlocks its key; several relay processes may share one. */
export function openRelayDatabase(dataDir: string, keySource: KeySource, now: () => string = () => new Date().toISOString()): RelayDatabase {
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, RELAY_DATABASE_FILE);
  const isNew = !existsSync(file);
  const db = new Database(file);
  try {
    if (isNew) chmodSync(file, 0o600);
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const hasTables = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined;
    if (hasTables && applicationId !== RELAY_APPLICATION_ID) throw new NotARelayFolderError(dataDir);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Several relay processes on one host share this file: wait for a writer, never fail.
    db.pragma('busy_timeout = 5000');
    const key = db.transaction(() => {
      db.pragma(`application_id = ${RELAY_APPLICATION_ID}`);
      db.exec(SCHEMA);
      return unlockKeyRing(db, keySource);
    }).immediate();
    const bookkeeping = new Database(file);
    bookkeeping.pragma('synchronous = NORMAL');
    bookkeeping.pragma('busy_timeout = 5000');
    return { db, bookkeeping, key, now };
  } catch (error) {
    db.close();
    throw error;
  }
}

export function closeRelayDatabase(relay: RelayDatabase): void {
  relay.bookkeeping.close();
  relay.db.close();
}
