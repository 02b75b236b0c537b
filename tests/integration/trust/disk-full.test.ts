import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHandlers } from '../../../main/services/create-handlers';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { CareStore } from '../../../main/store/care-store';
import { databasePath } from '../../../main/store/database-file';
import { openTestStore, tempDataDir } from '../../support/temp-store';
import { editor } from './support/jill';
import { callOk, loadDoc, sectionText } from './support/plan-edits';

/**
 * A real full disk where the machine allows it: a 3 MiB tmpfs (needs root). Elsewhere the
 * same SQLite error is produced by capping the database's page count, which goes through
 * the very same SQLITE_FULL path inside SQLite.
 */
const mountPoint = tempDataDir('carehouse-small-disk');
let realDisk = false;
beforeAll(() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0700', 'tmpfs', mountPoint], { stdio: 'ignore' });
    realDisk = true;
  } catch {
    realDisk = false;
  }
});
afterAll(() => {
  if (realDisk) execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
});

function replacement(): string {
  // 3,000 characters of text that does not compress: each edit adds real bytes to disk.
  return randomBytes(2250).toString('base64');
}

describe('disk full', () => {
  it('says so in plain words, loses nothing acknowledged, and the refused edit saves once space is freed', async () => {
    const dataDir = join(mountPoint, 'CareHouse');
    mkdirSync(dataDir, { mode: 0o700 });
    // Room that can be given back later, as a person deleting files would.
    const filler = join(mountPoint, 'filler.bin');
    if (realDisk) writeFileSync(filler, Buffer.alloc(512 * 1024));
    let store: CareStore = openTestStore(dataDir, { compactionThreshold: 1_000_000 });
    if (!realDisk) store.database.pragma('max_page_count = 400');
    const handlers = createHandlers(store, { version: 'test' });
    await callOk(handlers, 'saveProfile', editor);
    const planId = (await callOk<{ id: string }>(handlers, 'createPlan', { displayName: 'Disk full test' })).id;
    const doc = await loadDoc(handlers, planId);
    const text = sectionText(doc, 'aboutMe', 'whatMatters');

    let acknowledged: { seq: number; text: string } | undefined;
    let refused: { code: string; message: string; update: string; text: string } | undefined;
    for (let attempt = 0; attempt < 5_000 && !refused; attempt += 1) {
      let update: Uint8Array | undefined;
      doc.once('update', (bytes: Uint8Array) => (update = bytes));
      doc.transact(() => {
        text.delete(0, text.length);
        text.insert(0, replacement());
      });
      if (!update) throw new Error('no update');
      const encoded = Buffer.from(update).toString('base64');
      const result = await dispatchCall(handlers, 'appendUpdate', { planId, update: encoded, origin: { kind: 'local' } });
      if (result.ok) acknowledged = { seq: (result.value as { seq: number }).seq, text: text.toString() };
      else refused = { ...result.error, update: encoded, text: text.toString() };
    }
    console.log(`disk full: ${realDisk ? 'a real 3 MiB tmpfs' : 'SQLite page cap (no tmpfs here)'}, ${acknowledged?.seq ?? 0} updates saved before it filled`);
    expect(acknowledged, 'some edits were saved before the disk filled').toBeDefined();
    expect(refused, 'the disk filled up').toBeDefined();
    expect(refused?.code).toBe('disk-full');
    expect(refused?.message).toBe('The disk is full, so this change was not saved. Everything saved before it is safe. Free some space and try again.');

    // Nothing acknowledged was lost: a copy of the files, opened on a roomy disk, has the last saved text.
    const copy = tempDataDir('carehouse-after-full');
    for (const suffix of ['', '-wal']) {
      if (existsSync(`${databasePath(dataDir)}${suffix}`)) copyFileSync(`${databasePath(dataDir)}${suffix}`, `${databasePath(copy)}${suffix}`);
    }
    const reopened = openTestStore(copy);
    try {
      expect(reopened.integrityReport()).toEqual({ storeProblems: [], damagedPlans: [] });
      expect(reopened.loadPlan(planId).lastSeq).toBe(acknowledged?.seq);
      const saved = new Y.Doc();
      Y.applyUpdate(saved, reopened.loadPlan(planId).state);
      expect(sectionText(saved, 'aboutMe', 'whatMatters').toString()).toBe(acknowledged?.text);
    } finally {
      reopened.close();
    }

    // Space freed: the same edit, retried (as the renderer does), is saved.
    if (realDisk) rmSync(filler);
    else store.database.pragma('max_page_count = 100000');
    const retried = await dispatchCall(handlers, 'appendUpdate', { planId, update: refused?.update, origin: { kind: 'local' } });
    expect(retried).toMatchObject({ ok: true, value: { seq: (acknowledged?.seq ?? 0) + 1 } });
    store.close();
    store = openTestStore(dataDir);
    try {
      const finalDoc = new Y.Doc();
      Y.applyUpdate(finalDoc, store.loadPlan(planId).state);
      expect(sectionText(finalDoc, 'aboutMe', 'whatMatters').toString()).toBe(refused?.text);
    } finally {
      store.close();
    }
  }, 120_000);
});
