import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup } from '../../../main/store/backup-format';
import { fingerprintDir } from '../../support/file-fingerprint';
import { TEST_PASSPHRASE, openTestStore, tempDataDir } from '../../support/temp-store';
import { runCli } from './support/run-cli';
import { seedStore, tamper, withoutTriggers, type SeededStore } from './support/tampered-store';

const passphraseEnv = { CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE };
let seeded: SeededStore;
let damagedDir: string;

function flipOneBitInJill(dataDir: string): void {
  tamper(dataDir, (db) => {
    const row = db.prepare('SELECT update_blob FROM plan_updates WHERE plan_id = ? AND seq = 5').get(seeded.jill) as { update_blob: Buffer };
    const flipped = Buffer.from(row.update_blob);
    flipped[30] = (flipped[30] ?? 0) ^ 0x04;
    db.prepare('UPDATE plan_updates SET update_blob = ? WHERE plan_id = ? AND seq = 5').run(flipped, seeded.jill);
  });
}

beforeAll(() => {
  seeded = seedStore();
  damagedDir = tempDataDir('carehouse-damaged');
  cpSync(seeded.dataDir, damagedDir, { recursive: true });
  flipOneBitInJill(damagedDir);
});

describe('one flipped bit in one plan: the damage stays with that plan', () => {
  it('the other plans list, open and export; the damaged one is listed as damaged', async () => {
    const list = await runCli(['list', '--data-dir', damagedDir], passphraseEnv);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`${seeded.amir}\tAmir Hassan`);
    expect(list.stdout).toMatch(new RegExp(`${seeded.jill}\\tJill Marsh\\t\\(DAMAGED: update 5 was altered or damaged\\)`));
    const out = join(tempDataDir('carehouse-export'), 'amir.md');
    const exported = await runCli(['export', '--data-dir', damagedDir, '--plan', seeded.amir, '--format', 'md', '--out', out], passphraseEnv);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Amir');
    const refused = await runCli(['export', '--data-dir', damagedDir, '--plan', seeded.jill, '--format', 'md', '--out', `${out}.jill`], passphraseEnv);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/failed its integrity check \(update 5 was altered or damaged\)/);
    expect(existsSync(`${out}.jill`)).toBe(false);
  });

  it('backup says which plan is damaged; restore refuses it whole, and --salvage brings back the healthy plans', async () => {
    const backupFile = join(tempDataDir('carehouse-backups'), 'damaged.carehouse-backup');
    const backup = await runCli(['backup', '--data-dir', damagedDir, '--out', backupFile], passphraseEnv);
    expect(backup.code).toBe(3);
    expect(backup.stderr).toContain('1 plan(s) failed their integrity check');
    expect(backup.stderr).toContain(`${seeded.jill}: update 5 was altered or damaged`);
    expect(decodeBackup(readFileSync(backupFile)).manifest).toMatchObject({ formatVersion: 2, damagedPlans: [seeded.jill] });

    const target = tempDataDir('carehouse-restore-target');
    const whole = await runCli(['restore', '--data-dir', target, '--from', backupFile], passphraseEnv);
    expect(whole.code).toBe(1);
    expect(whole.stderr).toContain(`1 of its 2 plan(s) are damaged (${seeded.jill}: update 5 was altered or damaged)`);
    expect(whole.stderr).toContain('--salvage');
    expect(existsSync(join(target, 'carehouse.db'))).toBe(false);

    const salvaged = await runCli(['restore', '--data-dir', target, '--from', backupFile, '--salvage'], passphraseEnv);
    expect(salvaged.stderr).toBe('');
    expect(salvaged.code).toBe(0);
    expect(salvaged.stdout).toContain('Restored 1 plan(s)');
    expect(salvaged.stdout).toContain(`Left out (damaged): ${seeded.jill}`);
    const store = openTestStore(target);
    try {
      expect(store.integrityReport()).toEqual({ storeProblems: [], damagedPlans: [] });
      expect(store.listPlans(true).map((plan) => plan.displayName)).toEqual(['Amir Hassan']);
      expect(store.loadPlan(seeded.amir).state.length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('control: a healthy store backs up with exit 0 and restores whole', async () => {
    const backupFile = join(tempDataDir('carehouse-backups'), 'healthy.carehouse-backup');
    const backup = await runCli(['backup', '--data-dir', seeded.dataDir, '--out', backupFile], passphraseEnv);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const target = tempDataDir('carehouse-restore-target');
    const restore = await runCli(['restore', '--data-dir', target, '--from', backupFile], passphraseEnv);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Restored 2 plan(s)');
  });
});

describe('an attacker-rebuilt backup (valid unkeyed hashes around an edited database) is refused', () => {
  let good: string;
  beforeAll(async () => {
    good = join(tempDataDir('carehouse-backups'), 'good.carehouse-backup');
    expect((await runCli(['backup', '--data-dir', seeded.dataDir, '--out', good], passphraseEnv)).code).toBe(0);
  });

  const edits: Record<string, (db: Database.Database) => void> = {
    'newest update deleted': (db) => db.prepare('DELETE FROM plan_updates WHERE plan_id = ? AND seq = 9').run(seeded.jill),
    'a trigger dropped': (db) => db.exec('DROP TRIGGER audit_events_no_delete'),
    'latest agreed version deleted': (db) =>
      withoutTriggers(db, 'agreed_versions', () => db.prepare('DELETE FROM agreed_versions WHERE plan_id = ? AND version = 2').run(seeded.jill)),
    'an agreed hash edited': (db) =>
      withoutTriggers(db, 'agreed_versions', () => db.prepare("UPDATE agreed_versions SET content_hash = ? WHERE version = 1").run('0'.repeat(64))),
  };

  for (const [what, edit] of Object.entries(edits)) {
    for (const formatVersion of [2, 1] as const) {
      it(`${what}, re-wrapped as format ${formatVersion}: refused, the data folder byte-identical`, async () => {
        const { manifest, database } = decodeBackup(readFileSync(good));
        const dir = tempDataDir('carehouse-attacker');
        const inner = join(dir, 'inner.db');
        writeFileSync(inner, database);
        const db = new Database(inner);
        edit(db);
        db.close();
        const altered = readFileSync(inner);
        const sha = createHash('sha256').update(altered).digest('hex');
        const rebuilt =
          formatVersion === 2
            ? { ...manifest, databaseBytes: altered.length, databaseSha256: sha }
            : {
                format: manifest.format,
                formatVersion: 1 as const,
                createdAt: manifest.createdAt,
                schemaVersion: manifest.schemaVersion,
                applicationId: manifest.applicationId,
                databaseBytes: altered.length,
                databaseSha256: sha,
              };
        const file = join(dir, 'rebuilt.carehouse-backup');
        writeFileSync(file, encodeBackup(rebuilt, altered));
        // Restored over a live folder: it must come through byte-for-byte.
        const target = tempDataDir('carehouse-restore-target');
        cpSync(seeded.dataDir, target, { recursive: true });
        const before = fingerprintDir(target);
        const result = await runCli(['restore', '--data-dir', target, '--from', file], passphraseEnv);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/cannot be restored: (it was not made with this data's key|it is not bound to this data's key|the database inside it is missing some of its protections)/);
        expect(result.stderr).toContain('Nothing was changed');
        expect(fingerprintDir(target)).toBe(before);
      });
    }
  }

  it('control: the same backup, re-wrapped without any edit, still restores (the refusals above are the edits)', async () => {
    const { manifest, database } = decodeBackup(readFileSync(good));
    const file = join(tempDataDir('carehouse-attacker'), 'same.carehouse-backup');
    writeFileSync(file, encodeBackup(manifest, database));
    const target = tempDataDir('carehouse-restore-target');
    const result = await runCli(['restore', '--data-dir', target, '--from', file], passphraseEnv);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
