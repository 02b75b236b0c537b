import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { configureLog, logEvent } from '../../../main/logging/log';
import { createHandlers } from '../../../main/services/create-handlers';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import { openTestStore, tempDataDir } from '../../support/temp-store';
import { editor, jill } from './support/jill';
import { callOk, editAndAppend, loadDoc, sectionText } from './support/plan-edits';
import { scanForPlaintext } from './support/plaintext-scanner';

/** What must never be found on disk: Jill's name, NHS number (both spellings), her words, and the editor's name. */
const needles = [
  jill.fullName,
  jill.nhsNumber,
  jill.nhsNumber.replace(/ /g, ''),
  jill.whatMatters,
  'Tuesday lunch club',
  editor.name,
];

const root = tempDataDir('carehouse-scan');
// Made before TMPDIR points into the scanned root: the control must stay outside it.
const controlRoot = tempDataDir('carehouse-scan-control');
const dataDir = join(root, 'data');
const tempDir = join(root, 'tmp');
const savedEnv = { TMPDIR: process.env.TMPDIR, SQLITE_TMPDIR: process.env.SQLITE_TMPDIR };

let store: CareStore;
let handlers: HandlerTable;
let planId: string;
/** The raw (unencrypted) Yjs updates, kept for the control file. */
const rawUpdates: Uint8Array[] = [];

beforeAll(async () => {
  // Temporary files (ours via os.tmpdir(), SQLite's via SQLITE_TMPDIR) land under the scanned root.
  mkdirSync(tempDir, { recursive: true });
  process.env.TMPDIR = tempDir;
  process.env.SQLITE_TMPDIR = tempDir;
  store = openTestStore(dataDir);
  configureLog(join(dataDir, 'logs'));
  // Keep everything in the WAL for the first scan: the WAL must be as opaque as the main file.
  store.database.pragma('wal_autocheckpoint = 0');
  handlers = createHandlers(store, { version: 'test' });

  await callOk(handlers, 'saveProfile', editor);
  planId = (await callOk<{ id: string }>(handlers, 'createPlan', { displayName: jill.fullName })).id;
  const doc = await loadDoc(handlers, planId);
  doc.on('update', (update: Uint8Array) => rawUpdates.push(update));
  await editAndAppend(handlers, planId, doc, (d) => sectionText(d, 'person', 'firstName').insert(0, jill.firstName));
  await editAndAppend(handlers, planId, doc, (d) => sectionText(d, 'person', 'familyName').insert(0, jill.familyName));
  await editAndAppend(handlers, planId, doc, (d) => sectionText(d, 'person', 'nhsNumber').insert(0, jill.nhsNumber));
  await editAndAppend(handlers, planId, doc, (d) => sectionText(d, 'aboutMe', 'whatMatters').insert(0, jill.whatMatters));
  // Typed word by word as well, as a person would: many small updates in the log.
  for (const word of `${jill.whatMatters}. ${jill.fullName} ${jill.nhsNumber}`.split(' ')) {
    await editAndAppend(handlers, planId, doc, (d) => {
      const text = sectionText(d, 'aboutMe', 'alsoWorthKnowing');
      text.insert(text.length, `${word} `);
    });
  }
  // Attempts to log personal data go through the support log's filter.
  logEvent('info', 'plaintext-scan-probe', { name: jill.fullName, nhs: jill.nhsNumber, words: jill.whatMatters });
  // History read back (decrypts audit actors) and an audit row from a rename.
  await callOk(handlers, 'renamePlan', { planId, displayName: `${jill.fullName} (${jill.nhsNumber})` });
  const history = await callOk<Array<{ actorName: string }>>(handlers, 'getPlanHistory', { planId });
  expect(history[0]?.actorName).toBe(editor.name);
});

afterAll(() => {
  if (store.database.open) store.close();
  process.env.TMPDIR = savedEnv.TMPDIR;
  process.env.SQLITE_TMPDIR = savedEnv.SQLITE_TMPDIR;
  if (savedEnv.TMPDIR === undefined) delete process.env.TMPDIR;
  if (savedEnv.SQLITE_TMPDIR === undefined) delete process.env.SQLITE_TMPDIR;
});

describe("Jill's personal data is nowhere on disk in plaintext", () => {
  it('the scanner finds every needle in an unencrypted control store (proves the scan works)', () => {
    const control = new Database(join(controlRoot, 'control.db'));
    control.pragma('journal_mode = WAL');
    control.exec('CREATE TABLE updates (blob BLOB); CREATE TABLE people (name TEXT)');
    // The same Yjs updates the real store received, stored as they would be WITHOUT sealing...
    for (const update of rawUpdates) control.prepare('INSERT INTO updates VALUES (?)').run(Buffer.from(update));
    control.prepare('INSERT INTO updates VALUES (?)').run(Buffer.from(Y.mergeUpdates(rawUpdates)));
    control.prepare('INSERT INTO people VALUES (?)').run(needles.join(' | '));
    const utf16 = new Database(join(controlRoot, 'control-utf16.db'));
    utf16.pragma("encoding = 'UTF-16le'");
    utf16.exec('CREATE TABLE t (x TEXT)');
    for (const needle of needles) utf16.prepare('INSERT INTO t VALUES (?)').run(needle);
    utf16.close();
    const { hits } = scanForPlaintext(controlRoot, needles);
    control.close();
    for (const needle of needles) {
      expect(hits.some((hit) => hit.needle === needle && hit.encoding === 'utf8'), `${needle} as UTF-8`).toBe(true);
      expect(hits.some((hit) => hit.needle === needle && hit.encoding === 'utf16le'), `${needle} as UTF-16LE`).toBe(true);
    }
  });

  it('with the WAL not yet checkpointed (db, -wal, -shm, logs, temp)', () => {
    const wal = join(dataDir, 'carehouse.db-wal');
    expect(statSync(wal).size, 'the WAL should still hold the writes').toBeGreaterThan(0);
    const { files, hits } = scanForPlaintext(root, needles);
    expect(files).toEqual(expect.arrayContaining(['data/carehouse.db', 'data/carehouse.db-wal', 'data/carehouse.db-shm', 'data/logs/carehouse.log']));
    expect(hits).toEqual([]);
  });

  it('after compaction folds the log into a snapshot', async () => {
    expect(store.compact(planId).folded).toBeGreaterThan(0);
    const { hits } = scanForPlaintext(root, needles);
    expect(hits).toEqual([]);
  });

  it('in a backup file made beside the data', async () => {
    await store.backup(join(dataDir, 'backups', 'jill.carehouse-backup'));
    const { files, hits } = scanForPlaintext(root, needles);
    expect(files).toContain('data/backups/jill.carehouse-backup');
    expect(hits).toEqual([]);
  });

  it('after a full checkpoint and after closing', () => {
    store.database.pragma('wal_checkpoint(TRUNCATE)');
    expect(scanForPlaintext(root, needles).hits).toEqual([]);
    store.close();
    const { files, hits } = scanForPlaintext(root, needles);
    expect(files).toContain('data/carehouse.db');
    expect(hits).toEqual([]);
  });

  it('the plan really holds the text (so an empty store cannot pass the scan)', () => {
    const reopened = openTestStore(dataDir);
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, reopened.loadPlan(planId).state);
      expect(sectionText(doc, 'aboutMe', 'whatMatters').toString()).toBe(jill.whatMatters);
      expect(sectionText(doc, 'person', 'nhsNumber').toString()).toBe(jill.nhsNumber);
      expect(reopened.getPlan(planId).displayName).toContain(jill.fullName);
    } finally {
      reopened.close();
    }
    writeFileSync(join(root, 'tmp', '.keep'), '');
    expect(scanForPlaintext(root, needles).hits).toEqual([]);
  });
});
