import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CareStore } from '../../../main/store/care-store';
import { CAREHOUSE_APPLICATION_ID, ForeignDataError, databasePath } from '../../../main/store/database-file';
import { unlockKeyRing } from '../../../main/store/key-ring';
import { CHAINED_SCHEMA_VERSION, CURRENT_SCHEMA_VERSION, applyMigrations, migrations } from '../../../main/store/migrations';
import { seal, sealText } from '../../../main/store/cipher';
import { fingerprintDir } from '../../support/file-fingerprint';
import { TEST_PASSPHRASE, openTestStore, tempDataDir, testActor } from '../../support/temp-store';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger') ORDER BY name").all() as Array<{ name: string }>).map(
    (row) => row.name,
  );

describe('migrations', () => {
  it('build the whole schema on an empty :memory: database, in order, with the version', () => {
    const db = new Database(':memory:');
    applyMigrations(db);
    expect(db.pragma('user_version', { simple: true })).toBe(CURRENT_SCHEMA_VERSION);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['plans', 'plan_updates', 'plan_snapshots', 'key_ring', 'audit_events', 'profile', 'audit_events_no_update']),
    );
    applyMigrations(db); // idempotent: nothing re-runs
    expect(db.pragma('user_version', { simple: true })).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('upgrade a file written by the previous schema version and keep its plans', () => {
    const dataDir = tempDataDir();
    mkdirSync(dataDir, { recursive: true });
    // A CareHouse file as a release before keyed chains left it: only the migrations it knew,
    // and rows written without links (the upgrade seals them; later migrations follow).
    const old = new Database(databasePath(dataDir));
    old.pragma('journal_mode = WAL');
    old.pragma(`application_id = ${CAREHOUSE_APPLICATION_ID}`);
    applyMigrations(old, migrations.slice(0, CHAINED_SCHEMA_VERSION - 1));
    const key = unlockKeyRing(old, { kind: 'passphrase', passphrase: TEST_PASSPHRASE });
    const planId = randomUUID();
    const doc = new Y.Doc();
    doc.getText('note').insert(0, 'written before the upgrade');
    old.prepare('INSERT INTO plans (id, display_name, created_at, updated_at, last_seq) VALUES (?, ?, ?, ?, 1)').run(
      planId,
      sealText(key, 'Amir Hassan', `plan-name:${planId}`),
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    );
    old.prepare('INSERT INTO plan_updates (plan_id, seq, update_blob, received_at) VALUES (?, 1, ?, ?)').run(
      planId,
      seal(key, Y.encodeStateAsUpdate(doc), `update:${planId}:1`),
      '2026-01-01T00:00:00.000Z',
    );
    expect(old.pragma('user_version', { simple: true })).toBe(CHAINED_SCHEMA_VERSION - 1);
    old.close();

    const store = openTestStore(dataDir);
    expect(store.database.pragma('user_version', { simple: true })).toBe(CURRENT_SCHEMA_VERSION);
    expect(store.listPlans(false).map((plan) => plan.displayName)).toEqual(['Amir Hassan']);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, store.loadPlan(planId).state);
    expect(loaded.getText('note').toString()).toBe('written before the upgrade');
    // The new tables work on the upgraded file.
    store.saveProfile(testActor);
    expect(store.getProfile()).toEqual(testActor);
    store.close();
  });
});

describe('foreign and newer files', () => {
  it('refuses a SQLite file from another program and leaves it untouched', () => {
    const dataDir = tempDataDir();
    const other = new Database(databasePath(dataDir));
    other.exec('CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES (\'soup\');');
    other.close();
    const before = fingerprintDir(dataDir);
    expect(() => openTestStore(dataDir)).toThrow(ForeignDataError);
    expect(() => openTestStore(dataDir)).toThrow(/another program/);
    expect(fingerprintDir(dataDir)).toBe(before);
  });

  it('refuses a database from a newer CareHouse without modifying it', () => {
    const dataDir = tempDataDir();
    openTestStore(dataDir).close();
    const db = new Database(databasePath(dataDir));
    db.pragma(`user_version = ${CURRENT_SCHEMA_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = fingerprintDir(dataDir);
    expect(() => openTestStore(dataDir)).toThrow(/newer CareHouse/);
    expect(fingerprintDir(dataDir)).toBe(before);
  });

  it('refuses a file that is not a database at all, and a folder of other files', () => {
    const garbage = tempDataDir();
    writeFileSync(databasePath(garbage), 'this is a shopping list, not a database '.repeat(200));
    const before = fingerprintDir(garbage);
    expect(() => openTestStore(garbage)).toThrow(ForeignDataError);
    expect(fingerprintDir(garbage)).toBe(before);

    const documents = tempDataDir();
    writeFileSync(join(documents, 'letter.docx'), 'hello');
    expect(() => openTestStore(documents)).toThrow(/not a CareHouse data folder/);
    expect(fingerprintDir(documents)).toBe(fingerprintDir(documents));
  });

  it('refuses a wrong passphrase without modifying anything, and re-keys safely', () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    store.saveProfile(testActor);
    store.close();
    const before = fingerprintDir(dataDir);
    expect(() => openTestStore(dataDir, { passphrase: 'not the right passphrase' })).toThrow(/does not unlock/);
    expect(fingerprintDir(dataDir)).toBe(before);

    const reopened = openTestStore(dataDir);
    reopened.changeKey({ kind: 'passphrase', passphrase: TEST_PASSPHRASE }, { kind: 'passphrase', passphrase: 'a brand new passphrase' });
    reopened.close();
    expect(() => openTestStore(dataDir)).toThrow(/does not unlock/);
    const rekeyed = CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase: 'a brand new passphrase' } });
    expect(rekeyed.getProfile()).toEqual(testActor);
    rekeyed.close();
  });
});
