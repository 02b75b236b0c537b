import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeBackup, encodeBackup } from '../../../main/store/backup-format';
import { InvalidBackupError } from '../../../main/store/backup-format';
import { restoreBackup } from '../../../main/store/restore-backup';
import { bundleForChild, childEnv } from '../../support/crash-writer-bundle';
import { fingerprintDir } from '../../support/file-fingerprint';
import { TEST_PASSPHRASE, openTestStore, tempDataDir, testActor } from '../../support/temp-store';
import { decryptedContent } from './support/plan-state';
import { runCli } from './support/run-cli';

const passphraseEnv = { CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE };

/** A data folder with two plans and some history, closed. */
function seededDataDir(label: string, names: readonly string[] = ['Jill Marsh', 'Amir Hassan']): { dataDir: string; planIds: string[] } {
  const dataDir = tempDataDir(label);
  const store = openTestStore(dataDir);
  store.saveProfile(testActor);
  const planIds = names.map((name) => {
    const id = randomUUID();
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, `Notes for ${name}`);
    store.createPlan(id, name, Y.encodeStateAsUpdate(doc), testActor);
    return id;
  });
  store.close();
  return { dataDir, planIds };
}

function contentOf(dataDir: string): unknown {
  const store = openTestStore(dataDir);
  try {
    return decryptedContent(store);
  } finally {
    store.close();
  }
}

let writer: string;
beforeAll(async () => {
  writer = await bundleForChild('tests/support/crash-writer.ts', 'crash-writer');
});

describe('backup while CareHouse is writing, then restore', () => {
  it('a backup taken by the CLI during continuous writes restores to a consistent prefix of them', async () => {
    const { dataDir, planIds } = seededDataDir('carehouse-live');
    const planId = planIds[0] ?? '';
    // The "running app": another process appending edits as fast as it can commit them.
    const child = spawn(process.execPath, [writer, dataDir, planId, '0', '600'], { env: childEnv(passphraseEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let childErrors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (childErrors += chunk.toString()));
    const acks = () => output.split('\n').filter((line) => line.startsWith('ack ')).length;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let waited = 0; acks() < 30 && waited < 15_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const ackedBefore = acks();
    expect(ackedBefore).toBeGreaterThanOrEqual(30);

    const backupFile = join(tempDataDir('carehouse-backups'), 'live.carehouse-backup');
    const backup = await runCli(['backup', '--data-dir', dataDir, '--out', backupFile], passphraseEnv);
    const ackedAfter = acks();
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('Backup written to');
    expect(ackedAfter, 'the writer kept writing during the backup').toBeGreaterThan(ackedBefore);
    expect(await exited, childErrors).toBe(0);

    const restoredDir = join(tempDataDir('carehouse-restore-target'), 'fresh');
    const restore = await runCli(['restore', '--data-dir', restoredDir, '--from', backupFile], passphraseEnv);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Restored 2 plan(s)');

    const restored = openTestStore(restoredDir);
    try {
      expect(restored.database.pragma('integrity_check', { simple: true })).toBe('ok');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, restored.loadPlan(planId).state);
      const keys = [...doc.getMap('crashEdits').keys()];
      // Consistent = every edit up to some point and none after it: a contiguous prefix.
      const indexes = keys.map((key) => Number(key.split('-')[1])).sort((a, b) => a - b);
      expect(indexes).toEqual(indexes.map((_, position) => position));
      expect(indexes.length).toBeGreaterThanOrEqual(ackedBefore);
      expect(indexes.length).toBeLessThanOrEqual(600);
      expect(restored.listPlans(true).map((plan) => plan.displayName).sort()).toEqual(['Amir Hassan', 'Jill Marsh']);
    } finally {
      restored.close();
    }
  });

  it('store.backup while the same store keeps appending; a quiet backup restores to identical decrypted content', async () => {
    const { dataDir, planIds } = seededDataDir('carehouse-inproc');
    const planId = planIds[1] ?? '';
    const store = openTestStore(dataDir);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, store.loadPlan(planId).state);
    let pending: Uint8Array | undefined;
    doc.on('update', (update: Uint8Array) => (pending = update));
    let appended = 0;
    let writing = true;
    // Appends between the backup's steps (the backup API yields to the event loop).
    const loop = (async () => {
      for (let index = 0; writing && index < 2000; index += 1) {
        doc.getMap('edits').set(`e${index}`, index);
        if (pending) store.appendUpdate({ planId, update: pending, origin: 'local', actor: testActor, sections: ['edits'] });
        appended += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const dir = tempDataDir('carehouse-backups');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const during = await store.backup(join(dir, 'during.carehouse-backup'));
    writing = false;
    await loop;
    expect(appended).toBeGreaterThan(0);
    expect(during.manifest.schemaVersion).toBeGreaterThan(0);
    const quiet = await store.backup(join(dir, 'quiet.carehouse-backup'));
    const expected = decryptedContent(store);
    store.close();
    expect(quiet.manifest.databaseBytes).toBeGreaterThan(0);

    const target = join(dir, 'restored');
    const outcome = restoreBackup({ dataDir: target, from: join(dir, 'quiet.carehouse-backup'), keySource: { kind: 'passphrase', passphrase: TEST_PASSPHRASE } });
    expect(outcome.previousDir).toBeNull();
    expect(contentOf(target)).toEqual(expected);
    // The backup taken during writes is itself a whole, restorable store.
    const duringTarget = join(dir, 'restored-during');
    restoreBackup({ dataDir: duringTarget, from: join(dir, 'during.carehouse-backup'), keySource: { kind: 'passphrase', passphrase: TEST_PASSPHRASE } });
    expect(contentOf(duringTarget)).toMatchObject({ profile: testActor });
  });

  it('restoring over existing data keeps the previous data aside, still openable', async () => {
    const source = seededDataDir('carehouse-src', ['Jill Marsh']);
    const existing = seededDataDir('carehouse-existing', ['Dora Okafor']);
    const backupFile = join(tempDataDir('carehouse-backups'), 'jill.carehouse-backup');
    expect((await runCli(['backup', '--data-dir', source.dataDir, '--out', backupFile], passphraseEnv)).code).toBe(0);
    const restore = await runCli(['restore', '--data-dir', existing.dataDir, '--from', backupFile], passphraseEnv);
    expect(restore.code).toBe(0);
    const previous = readdirSync(existing.dataDir).filter((name) => name.startsWith('restore-previous-'));
    expect(previous).toHaveLength(1);
    expect(restore.stdout).toContain(previous[0]);
    expect(contentOf(existing.dataDir)).toEqual(contentOf(source.dataDir));
    const kept = openTestStore(join(existing.dataDir, previous[0] ?? ''));
    try {
      expect(kept.listPlans(true).map((plan) => plan.displayName)).toEqual(['Dora Okafor']);
    } finally {
      kept.close();
    }
  });
});

describe('a bad backup is refused before anything is replaced', () => {
  let good: string;
  let target: { dataDir: string; planIds: string[] };

  beforeAll(async () => {
    const source = seededDataDir('carehouse-good-src');
    good = join(tempDataDir('carehouse-backups'), 'good.carehouse-backup');
    expect((await runCli(['backup', '--data-dir', source.dataDir, '--out', good], passphraseEnv)).code).toBe(0);
    target = seededDataDir('carehouse-target', ['Dora Okafor']);
  });

  async function expectRefused(file: string, message: RegExp, env: Record<string, string> = passphraseEnv): Promise<void> {
    const before = fingerprintDir(target.dataDir);
    const names = readdirSync(target.dataDir).sort();
    const result = await runCli(['restore', '--data-dir', target.dataDir, '--from', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Nothing was changed');
    expect(fingerprintDir(target.dataDir), 'the existing data folder was modified').toBe(before);
    expect(readdirSync(target.dataDir).sort()).toEqual(names);
  }

  it('a truncated backup', async () => {
    const bytes = readFileSync(good);
    for (const keep of [0, 10, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const file = join(tempDataDir('carehouse-bad'), `truncated-${keep}.carehouse-backup`);
      writeFileSync(file, bytes.subarray(0, keep));
      await expectRefused(file, /cannot be restored: (it is not a CareHouse backup|it is damaged or incomplete)/);
    }
  });

  it('a tampered backup: one byte flipped in the magic, the manifest, the database or the checksum', async () => {
    const bytes = readFileSync(good);
    const { database } = decodeBackup(bytes);
    const databaseStart = bytes.length - 32 - database.length;
    for (const offset of [0, 20, databaseStart + 100, databaseStart + Math.floor(database.length / 2), bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[offset] = (tampered[offset] ?? 0) ^ 0x01;
      const file = join(tempDataDir('carehouse-bad'), `flipped-${offset}.carehouse-backup`);
      writeFileSync(file, tampered);
      await expectRefused(file, /cannot be restored/);
    }
  });

  it('a backup re-wrapped with fresh checksums after a sealed value was altered (its manifest MAC, from the data key, no longer holds)', async () => {
    const { manifest, database } = decodeBackup(readFileSync(good));
    const dir = tempDataDir('carehouse-bad');
    const dbFile = join(dir, 'inner.db');
    writeFileSync(dbFile, database);
    const db = new Database(dbFile);
    // Swap two plans' sealed names: each is valid ciphertext, but bound to the other row.
    const rows = db.prepare('SELECT id, display_name FROM plans ORDER BY id').all() as Array<{ id: string; display_name: Buffer }>;
    expect(rows.length).toBe(2);
    const [first, second] = rows as [{ id: string; display_name: Buffer }, { id: string; display_name: Buffer }];
    db.prepare('UPDATE plans SET display_name = ? WHERE id = ?').run(second.display_name, first.id);
    db.prepare('UPDATE plans SET display_name = ? WHERE id = ?').run(first.display_name, second.id);
    db.close();
    const altered = readFileSync(dbFile);
    const { createHash } = await import('node:crypto');
    const file = join(dir, 'rewrapped.carehouse-backup');
    writeFileSync(file, encodeBackup({ ...manifest, databaseBytes: altered.length, databaseSha256: createHash('sha256').update(altered).digest('hex') }, altered));
    await expectRefused(file, /not made with this data's key/);
  });

  it('a wrong passphrase, a file that is not a backup, and a missing file', async () => {
    await expectRefused(good, /does not unlock/, { CAREHOUSE_PASSPHRASE: 'not the right passphrase' });
    const notBackup = join(tempDataDir('carehouse-bad'), 'notes.carehouse-backup');
    writeFileSync(notBackup, 'Dear team, please find attached...');
    await expectRefused(notBackup, /not a CareHouse backup/);
    await expectRefused(join(tempDataDir('carehouse-bad'), 'missing.carehouse-backup'), /is not a file/);
  });

  it('restore refuses while CareHouse has the data folder open', async () => {
    const store = openTestStore(target.dataDir);
    try {
      const result = await runCli(['restore', '--data-dir', target.dataDir, '--from', good], passphraseEnv);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('CareHouse is using this data folder');
      expect(readdirSync(target.dataDir).some((name) => name.startsWith('restore-previous-'))).toBe(false);
      expect(store.listPlans(true).map((plan) => plan.displayName)).toEqual(['Dora Okafor']);
    } finally {
      store.close();
    }
  });

  it('the API refuses with InvalidBackupError too', () => {
    const file = join(tempDataDir('carehouse-bad'), 'short.carehouse-backup');
    writeFileSync(file, readFileSync(good).subarray(0, 100));
    expect(() => restoreBackup({ dataDir: target.dataDir, from: file, keySource: { kind: 'passphrase', passphrase: TEST_PASSPHRASE } })).toThrow(InvalidBackupError);
  });
});

describe('backup and restore flags', () => {
  it('bad flags exit 2 with usage', async () => {
    const dataDir = tempDataDir('carehouse-flags');
    for (const args of [
      ['backup'],
      ['backup', '--data-dir', dataDir],
      ['backup', '--data-dir', dataDir, '--out'],
      ['backup', '--data-dir', dataDir, '--out', 'x', '--force-everything'],
      ['restore', '--data-dir', dataDir],
      ['restore', '--from', 'x'],
      ['restore', '--data-dir', dataDir, '--from', 'x', 'stray'],
      ['change-passphrase'],
      ['change-passphrase', '--data-dir', dataDir, '--new', 'x'],
    ]) {
      const result = await runCli(args, passphraseEnv);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain('Usage: carehouse');
    }
  });

  it('backup never overwrites an existing file and refuses a folder without CareHouse data', async () => {
    const { dataDir } = seededDataDir('carehouse-nooverwrite', ['Jill Marsh']);
    const existing = join(tempDataDir('carehouse-backups'), 'exists.carehouse-backup');
    writeFileSync(existing, 'older backup');
    const result = await runCli(['backup', '--data-dir', dataDir, '--out', existing]);
    expect(result.code).toBe(1);
    expect(readFileSync(existing, 'utf8')).toBe('older backup');
    const empty = tempDataDir('carehouse-empty');
    const none = await runCli(['backup', '--data-dir', empty, '--out', join(empty, 'x.carehouse-backup')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('holds no CareHouse data');
    expect(existsSync(join(empty, 'carehouse.db'))).toBe(false);
  });
});
