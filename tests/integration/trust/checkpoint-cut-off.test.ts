import { copyFileSync, statSync, truncateSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../../main/store/database-file';
import { DamagedDatabaseError } from '../../../main/store/store-errors';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';

/**
 * A checkpoint cut off by a full disk (or a crash) can leave the main file shorter than its
 * header says, while the WAL beside it still holds every page of the session. That is not
 * damage: SQLite finishes the checkpoint from the WAL. Seen in CI after the disk-full test,
 * when the next open called the folder "cut short" and refused data nothing had lost.
 */
describe('a main file cut short while its WAL holds the missing pages', () => {
  function storeMidSession(): { folder: string; planId: string; text: string; shortBy: number } {
    const folder = tempDataDir('carehouse-checkpoint');
    const planId = randomUUID();
    const doc = new Y.Doc();
    const initial = Y.encodeStateAsUpdate(doc);
    const first = openTestStore(folder);
    first.createPlan(planId, 'Checkpoint plan', initial, testActor);
    first.close(); // checkpointed: the main file is whole, the WAL gone
    const before = statSync(databasePath(folder)).size;

    const store = openTestStore(folder, { compactionThreshold: 100_000 });
    store.database.pragma('wal_autocheckpoint = 0');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const note = doc.getText('note');
    for (let index = 0; index < 400; index += 1) note.insert(note.length, `line ${index} of what the family said. `);
    store.appendUpdates(updates.map((update) => ({ planId, update, origin: 'local' as const, actor: testActor, sections: [] })));
    // Copy the pages into the main file but keep the WAL (a PASSIVE checkpoint does not reset it).
    store.database.pragma('wal_checkpoint(PASSIVE)');
    const after = statSync(databasePath(folder)).size;
    expect(after).toBeGreaterThan(before);
    // The machine stops here: copy the folder as the disk would hold it, then cut the main
    // file back to before the checkpoint, as if the checkpoint's writes never landed.
    const copy = tempDataDir('carehouse-checkpoint-copy');
    copyFileSync(databasePath(folder), databasePath(copy));
    copyFileSync(`${databasePath(folder)}-wal`, `${databasePath(copy)}-wal`);
    store.close();
    truncateSync(databasePath(copy), before);
    return { folder: copy, planId, text: note.toString(), shortBy: after - before };
  }

  it('opens, with every acknowledged update, because the WAL finishes the checkpoint', () => {
    const { folder, planId, text, shortBy } = storeMidSession();
    expect(shortBy).toBeGreaterThan(0);
    const store = openTestStore(folder);
    try {
      expect(store.integrityReport().damagedPlans).toEqual([]);
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, store.loadPlan(planId).state);
      expect(loaded.getText('note').toString()).toBe(text);
    } finally {
      store.close();
    }
  });

  it('control: the same short file without its WAL is reported as cut short', () => {
    const { folder } = storeMidSession();
    truncateSync(`${databasePath(folder)}-wal`, 0);
    expect(() => openTestStore(folder)).toThrow(DamagedDatabaseError);
  });
});
