import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AppendedUpdate, CareStore } from '../../../main/store/care-store';
import { GroupCommitQueue } from '../../../main/store/group-commit-queue';
import { createHandlers } from '../../../main/services/create-handlers';
import { dispatchCall } from '../../../main/services/dispatch-call';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';
import { callOk, loadDoc, sectionText } from '../../integration/trust/support/plan-edits';

const stores: CareStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

function storeWithPlan(): { store: CareStore; planId: string; doc: Y.Doc } {
  const store = openTestStore(tempDataDir());
  stores.push(store);
  const doc = new Y.Doc();
  doc.getText('note');
  const planId = randomUUID();
  store.createPlan(planId, 'Group commit', Y.encodeStateAsUpdate(doc), testActor);
  return { store, planId, doc };
}

function typed(doc: Y.Doc, count: number): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  for (let index = 0; index < count; index += 1) doc.getText('note').insert(index, String(index % 10));
  doc.off('update', listener);
  return updates;
}

/** The store, with every transaction it is asked for recorded. */
function counting(store: CareStore): { committer: { appendUpdates: (entries: readonly AppendedUpdate[]) => number[] }; groups: number[] } {
  const groups: number[] = [];
  return {
    groups,
    committer: {
      appendUpdates: (entries) => {
        groups.push(entries.length);
        return store.appendUpdates(entries);
      },
    },
  };
}

describe('group commit (issue 14)', () => {
  it('appends made together are written in one transaction, each resolved with its own seq after it', async () => {
    const { store, planId, doc } = storeWithPlan();
    const { committer, groups } = counting(store);
    const queue = new GroupCommitQueue(committer);
    const settled: number[] = [];
    const pending = typed(doc, 25).map((update) =>
      queue.append({ planId, update, origin: 'local', actor: testActor, sections: ['note'] }).then((seq) => {
        // Resolved only once the group is committed: the row is already on disk.
        expect(store.loadPlan(planId).lastSeq).toBeGreaterThanOrEqual(seq);
        settled.push(seq);
        return seq;
      }),
    );
    expect(settled).toEqual([]);
    expect(await Promise.all(pending)).toEqual(Array.from({ length: 25 }, (_, index) => index + 2));
    expect(groups).toEqual([25]);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, store.loadPlan(planId).state);
    expect(loaded.getText('note').toString()).toBe(doc.getText('note').toString());
  });

  it('one refused entry fails alone: the rest of its group is still saved', async () => {
    const { store, planId, doc } = storeWithPlan();
    const { committer, groups } = counting(store);
    const queue = new GroupCommitQueue(committer);
    const [first, second] = typed(doc, 2);
    if (!first || !second) throw new Error('no updates');
    const results = await Promise.allSettled([
      queue.append({ planId, update: first, origin: 'local', actor: testActor, sections: [] }),
      queue.append({ planId: randomUUID(), update: first, origin: 'local', actor: testActor, sections: [] }),
      queue.append({ planId, update: second, origin: 'local', actor: testActor, sections: [] }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(groups).toEqual([3, 1, 1, 1]);
    expect(store.loadPlan(planId).lastSeq).toBe(3);
  });

  it("main's appendUpdate call goes through it: a burst of calls, every call answered with its seq once saved", async () => {
    const store = openTestStore(tempDataDir());
    stores.push(store);
    const handlers = createHandlers(store, { version: 'test' });
    await callOk(handlers, 'saveProfile', testActor);
    const planId = (await callOk<{ id: string }>(handlers, 'createPlan', { displayName: 'Group commit' })).id;
    const doc = await loadDoc(handlers, planId);
    const text = sectionText(doc, 'aboutMe', 'whatMatters');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let index = 0; index < 12; index += 1) text.insert(text.length, `w${index} `);
    const results = await Promise.all(
      updates.map((update) => dispatchCall(handlers, 'appendUpdate', { planId, update: Buffer.from(update).toString('base64'), origin: { kind: 'local' } })),
    );
    expect(results.map((result) => (result.ok ? (result.value as { seq: number }).seq : result.error.message))).toEqual(
      Array.from({ length: 12 }, (_, index) => index + 2),
    );
    const saved = new Y.Doc();
    Y.applyUpdate(saved, store.loadPlan(planId).state);
    expect(sectionText(saved, 'aboutMe', 'whatMatters').toString()).toBe(text.toString());
  });
});
