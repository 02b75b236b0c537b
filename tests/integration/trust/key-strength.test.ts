import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CAREHOUSE_APPLICATION_ID, databasePath } from '../../../main/store/database-file';
import { CURRENT_KDF, WrongPassphraseError, keyWrappingParams, unlockKeyRing } from '../../../main/store/key-ring';
import { CHAINED_SCHEMA_VERSION, applyMigrations, migrations } from '../../../main/store/migrations';
import { seal, sealText } from '../../../main/store/cipher';
import { WeakPassphraseError } from '../../../main/store/passphrase-strength';
import { TEST_PASSPHRASE, openTestStore, tempDataDir } from '../../support/temp-store';

/** A store exactly as the release before issue 12 wrote it: scrypt N=2^15, no recorded parameters, no chains. */
function olderStore(): { dataDir: string; planId: string } {
  const dataDir = tempDataDir('carehouse-old-kdf');
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(databasePath(dataDir));
  db.pragma(`application_id = ${CAREHOUSE_APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  applyMigrations(db, migrations.slice(0, CHAINED_SCHEMA_VERSION - 1));
  const key = unlockKeyRing(db, { kind: 'passphrase', passphrase: TEST_PASSPHRASE });
  const planId = randomUUID();
  const doc = new Y.Doc();
  doc.getText('note').insert(0, 'written under the old key wrapping');
  db.prepare('INSERT INTO plans (id, display_name, created_at, updated_at, last_seq) VALUES (?, ?, ?, ?, 1)').run(
    planId,
    sealText(key, 'Dora Okafor', `plan-name:${planId}`),
    '2026-01-01T00:00:00.000Z',
    '2026-01-01T00:00:00.000Z',
  );
  db.prepare('INSERT INTO plan_updates (plan_id, seq, update_blob, received_at) VALUES (?, 1, ?, ?)').run(
    planId,
    seal(key, Y.encodeStateAsUpdate(doc), `update:${planId}:1`),
    '2026-01-01T00:00:00.000Z',
  );
  db.close();
  return { dataDir, planId };
}

const paramsOf = (dataDir: string) => {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return keyWrappingParams(db);
  } finally {
    db.close();
  }
};

describe('key derivation strength (issue 12)', () => {
  it('a new store wraps its key with scrypt N=2^17, r=8, p=1', () => {
    const dataDir = tempDataDir('carehouse-new-kdf');
    openTestStore(dataDir).close();
    expect(CURRENT_KDF).toEqual({ N: 131072, r: 8, p: 1 });
    expect(paramsOf(dataDir)).toEqual(CURRENT_KDF);
  });

  it('an old wrapping (N=2^15) is upgraded on unlock; the same passphrase opens it before and after, a wrong one never', () => {
    const { dataDir, planId } = olderStore();
    expect(paramsOf(dataDir)).toEqual({ N: 32768, r: 8, p: 1 });
    expect(() => openTestStore(dataDir, { passphrase: 'not the right passphrase' })).toThrow(WrongPassphraseError);
    expect(paramsOf(dataDir), 'a wrong passphrase upgrades nothing').toEqual({ N: 32768, r: 8, p: 1 });

    const first = openTestStore(dataDir);
    try {
      expect(first.listPlans(true).map((plan) => plan.displayName)).toEqual(['Dora Okafor']);
      // Sealed on first open (trust on first use), and clean.
      expect(first.integrityReport()).toEqual({ storeProblems: [], damagedPlans: [] });
    } finally {
      first.close();
    }
    expect(paramsOf(dataDir)).toEqual(CURRENT_KDF);

    const again = openTestStore(dataDir);
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, again.loadPlan(planId).state);
      expect(doc.getText('note').toString()).toBe('written under the old key wrapping');
    } finally {
      again.close();
    }
    expect(() => openTestStore(dataDir, { passphrase: 'not the right passphrase' })).toThrow(WrongPassphraseError);
  });

  it('a weak passphrase is refused for a new store with a plain explanation, and nothing is created', () => {
    const dataDir = tempDataDir('carehouse-weak');
    expect(() => openTestStore(dataDir, { passphrase: 'password123' })).toThrow(WeakPassphraseError);
    expect(() => openTestStore(dataDir, { passphrase: 'short' })).toThrow(/at least 12 characters \(this one has 5\)/);
  });
});
