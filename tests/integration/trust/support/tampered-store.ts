import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { buildExamplePlan, getPlanText, readPlanSnapshot } from '../../../../shared/plan';
import type { CareStore } from '../../../../main/store/care-store';
import { databasePath } from '../../../../main/store/database-file';
import { openTestStore, tempDataDir } from '../../../support/temp-store';
import { editor, secondEditor } from './jill';

export interface SeededStore {
  dataDir: string;
  jill: string;
  amir: string;
}

/**
 * A real store on disk as a practice would have it: Jill's and Amir's plans, typed edits
 * from two people, two agreed versions of Jill's plan, and Amir's log compacted once, so
 * every kind of row (update, snapshot, audit, agreed version, head) is there to tamper with.
 */
export function seedStore(): SeededStore {
  const dataDir = tempDataDir('carehouse-tamper');
  const store = openTestStore(dataDir, { compactionThreshold: 1_000_000 });
  const jill = randomUUID();
  const amir = randomUUID();
  for (const [planId, name, example] of [
    [jill, 'Jill Marsh', 'jill'],
    [amir, 'Amir Hassan', 'amir'],
  ] as const) {
    const doc = new Y.Doc();
    buildExamplePlan(example, doc, { today: '2026-11-23' });
    store.createPlan(planId, name, Y.encodeStateAsUpdate(doc), editor);
    typeInto(store, planId, doc, 6);
    if (planId === jill) {
      agree(store, planId, doc);
      typeInto(store, planId, doc, 2);
      agree(store, planId, doc);
    } else {
      store.compact(planId);
      typeInto(store, planId, doc, 3);
    }
  }
  store.close();
  return { dataDir, jill, amir };
}

function typeInto(store: CareStore, planId: string, doc: Y.Doc, count: number): void {
  const text = getPlanText(doc, ['aboutMe', 'whatMatters']);
  if (!text) throw new Error('the example plan has no whatMatters text');
  for (let index = 0; index < count; index += 1) {
    let update: Uint8Array | undefined;
    const capture = (bytes: Uint8Array) => (update = bytes);
    doc.once('update', capture);
    text.insert(text.length, ` edit${index}`);
    if (!update) throw new Error('no update');
    store.appendUpdate({ planId, update, origin: index % 2 ? 'peer' : 'local', actor: index % 2 ? secondEditor : editor, sections: ['aboutMe'] });
  }
}

function agree(store: CareStore, planId: string, doc: Y.Doc): void {
  store.agreeVersion(
    {
      planId,
      state: Y.encodeStateAsUpdate(doc),
      snapshot: readPlanSnapshot(doc),
      details: { agreedBy: { role: 'the person', name: 'Jill Marsh' }, professionalsPresent: [{ name: editor.name, role: editor.role }], recordedBy: editor },
    },
    editor,
  );
}

/** Edits the closed store file with SQLite directly, as an attacker with a copy of the folder would. */
export function tamper(dataDir: string, edit: (db: Database.Database) => void): void {
  const db = new Database(databasePath(dataDir));
  try {
    edit(db);
  } finally {
    db.close();
  }
}

/** Runs `edit` with one table's protective triggers lifted, then puts them back exactly as they were. */
export function withoutTriggers(db: Database.Database, table: string, edit: () => void): void {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table) as Array<{ name: string; sql: string }>;
  for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
  edit();
  for (const trigger of triggers) db.exec(trigger.sql);
}
