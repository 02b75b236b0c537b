import type Database from 'better-sqlite3';
import { IDENTITY_SCHEMA } from '../identity/identity-record';
import { AGREED_VERSIONS_SCHEMA } from './agreed-versions';
import { RELAY_LINK_SCHEMA } from '../relay/relay-link-record';

/**
 * Forward-only schema migrations, in order. Never edit or reorder a migration that has
 * shipped: add a new one. The schema version (PRAGMA user_version) is the number applied.
 */
export interface Migration {
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

export const migrations: readonly Migration[] = [
  {
    name: '001-plans-update-log-snapshots',
    up: (db) => {
      db.exec(`
        CREATE TABLE key_ring (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          kind TEXT NOT NULL CHECK (kind IN ('passphrase', 'os-keyring')),
          salt BLOB,
          wrapped_key BLOB NOT NULL
        );
        CREATE TABLE plans (
          id TEXT PRIMARY KEY,
          display_name BLOB NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
          last_seq INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE plan_updates (
          plan_id TEXT NOT NULL REFERENCES plans(id),
          seq INTEGER NOT NULL,
          update_blob BLOB NOT NULL,
          received_at TEXT NOT NULL,
          PRIMARY KEY (plan_id, seq)
        );
        CREATE TABLE plan_snapshots (
          plan_id TEXT PRIMARY KEY REFERENCES plans(id),
          covers_seq INTEGER NOT NULL,
          state_blob BLOB NOT NULL,
          created_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    name: '002-audit-trail-and-profile',
    up: (db) => {
      db.exec(`
        CREATE TABLE audit_events (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          plan_id TEXT NOT NULL REFERENCES plans(id),
          seq INTEGER,
          at TEXT NOT NULL,
          action TEXT NOT NULL,
          origin TEXT NOT NULL CHECK (origin IN ('local', 'peer', 'system')),
          sections TEXT NOT NULL DEFAULT '',
          actor_blob BLOB NOT NULL
        );
        CREATE INDEX audit_events_by_plan ON audit_events(plan_id, id);
        CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
          BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
          BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        CREATE TABLE profile (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          profile_blob BLOB NOT NULL,
          updated_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    name: '003-audit-refuses-replace',
    up: (db) => {
      // REPLACE conflict resolution deletes the old row without firing DELETE triggers, so
      // "INSERT OR REPLACE" could overwrite an audit row: refuse an insert onto an existing id.
      db.exec(`
        CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
          WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)
          BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      `);
    },
  },
  {
    name: '004-agreed-versions',
    // Immutable, numbered, hashed versions of a plan as agreed (see agreed-versions.ts).
    up: (db) => db.exec(AGREED_VERSIONS_SCHEMA),
  },
  {
    name: '005-history-fields-and-private-family-notes',
    up: (db) => {
      // fields: which plan fields an edit touched ("aboutMe.whatMatters", "actions.<id>.dueDate"),
      // ids and field names only, so the history can name the field without opening updates.
      // detail_blob: sealed extra facts of an event (who a refused export was for).
      // private_family_notes: a family's private time, kept only on this machine, never in the plan.
      db.exec(`
        ALTER TABLE audit_events ADD COLUMN fields TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit_events ADD COLUMN detail_blob BLOB;
        CREATE TABLE private_family_notes (
          plan_id TEXT NOT NULL REFERENCES plans(id),
          meeting_id TEXT NOT NULL,
          notes_blob BLOB NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (plan_id, meeting_id)
        );
      `);
    },
  },
  {
    name: '006-profile-identity',
    // The profile's Ed25519 signing key pair (main/identity/identity-record.ts).
    up: (db) => db.exec(IDENTITY_SCHEMA),
  },
  {
    name: '007-tamper-evident-chains',
    // Keyed chains (plan-chain.ts): a link per update row, the link a snapshot folded up to,
    // a sealed head per plan, and a seal over the set of plans. Rows written before this
    // migration are linked by sealExistingChains in the same transaction (care-store.ts).
    up: (db) => {
      db.exec(`
        ALTER TABLE key_ring ADD COLUMN kdf TEXT;
        ALTER TABLE plan_updates ADD COLUMN link BLOB;
        ALTER TABLE plan_snapshots ADD COLUMN covers_link BLOB;
        ALTER TABLE plan_snapshots ADD COLUMN mac BLOB;
        CREATE TABLE plan_heads (
          plan_id TEXT PRIMARY KEY REFERENCES plans(id),
          last_seq INTEGER NOT NULL,
          update_link BLOB NOT NULL,
          audit_count INTEGER NOT NULL,
          audit_link BLOB NOT NULL,
          agreed_count INTEGER NOT NULL,
          agreed_hash TEXT,
          mac BLOB NOT NULL
        );
        CREATE TABLE store_seal (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          plan_count INTEGER NOT NULL,
          mac BLOB NOT NULL
        );
      `);
    },
  },
  {
    name: '008-relay-link',
    // The practice relay this machine is enrolled with; plans kept on this machine only (main/relay/relay-link-record.ts).
    up: (db) => db.exec(RELAY_LINK_SCHEMA),
  },
];

export const CURRENT_SCHEMA_VERSION = migrations.length;
/** The schema version from which every store has keyed chains (and writes key-bound backups). */
export const CHAINED_SCHEMA_VERSION = migrations.findIndex((migration) => migration.name === '007-tamper-evident-chains') + 1;

/** Work that needs more than SQL (the data key), run inside a named migration's transaction. */
export type MigrationFollowUps = Readonly<Record<string, () => void>>;

/** Applies every migration past the file's version, each in its own transaction. */
export function applyMigrations(db: Database.Database, list: readonly Migration[] = migrations, followUps: MigrationFollowUps = {}): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let index = applied; index < list.length; index += 1) {
    const migration = list[index];
    if (!migration) break;
    db.transaction(() => {
      migration.up(db);
      followUps[migration.name]?.();
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}
