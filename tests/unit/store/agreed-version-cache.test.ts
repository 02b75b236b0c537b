import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';

const details = { agreedBy: { role: 'the person' as const, name: 'Jill Marsh' }, professionalsPresent: [], recordedBy: testActor };

/** Flips one bit of a sealed column, through the store's own connection, triggers lifted for the edit. */
function flipSealedState(db: import('better-sqlite3').Database, planId: string, version: number): void {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'agreed_versions'").all() as Array<{ name: string; sql: string }>;
  for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
  const row = db.prepare('SELECT state_blob FROM agreed_versions WHERE plan_id = ? AND version = ?').get(planId, version) as { state_blob: Buffer };
  const flipped = Buffer.from(row.state_blob);
  flipped[20] = (flipped[20] ?? 0) ^ 1;
  db.prepare('UPDATE agreed_versions SET state_blob = ? WHERE plan_id = ? AND version = ?').run(flipped, planId, version);
  for (const trigger of triggers) db.exec(trigger.sql);
}

describe('agreed versions are verified once, then cached (issue 14)', () => {
  it('a version verified when written is not re-opened on every listing; a fresh open verifies it again', () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    const planId = randomUUID();
    const doc = new Y.Doc();
    doc.getText('note').insert(0, 'agreed');
    store.createPlan(planId, 'Jill Marsh', Y.encodeStateAsUpdate(doc), testActor);
    store.agreeVersion({ planId, state: Y.encodeStateAsUpdate(doc), snapshot: { note: 'agreed' }, details }, testActor);
    store.agreeVersion({ planId, state: Y.encodeStateAsUpdate(doc), snapshot: { note: 'agreed again' }, details }, testActor);
    // The bytes change under the running store (only possible by lifting its triggers): the
    // cached verification stands, which shows listing no longer decrypts and re-hashes every version.
    flipSealedState(store.database, planId, 1);
    expect(store.listAgreedVersions(planId).map((version) => version.intact)).toEqual([true, true]);
    expect(store.getAgreedVersion(planId, 1).snapshot).toEqual({ note: 'agreed' });
    store.close();

    // Opened from disk: each version is verified once again, and the altered one is caught.
    const reopened = openTestStore(dataDir);
    try {
      expect(reopened.listAgreedVersions(planId).map((version) => version.intact)).toEqual([false, true]);
      expect(() => reopened.getAgreedVersion(planId, 1)).toThrow(/failed its integrity check/);
    } finally {
      reopened.close();
    }
  });
});
