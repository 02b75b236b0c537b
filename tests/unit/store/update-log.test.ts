import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CareStore } from '../../../main/store/care-store';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';

const stores: CareStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

function open(dataDir = tempDataDir(), compactionThreshold?: number): CareStore {
  const store = openTestStore(dataDir, { compactionThreshold });
  stores.push(store);
  return store;
}

/** Types `count` edits into a Y.Text and appends each update to the store, as the renderer does. */
function typeEdits(store: CareStore, planId: string, doc: Y.Doc, count: number): void {
  doc.on('update', (update: Uint8Array) => {
    store.appendUpdate({ planId, update, origin: 'local', actor: testActor, sections: ['aboutMe'] });
  });
  const text = doc.getMap('aboutMe').get('whatMatters') as Y.Text;
  for (let index = 0; index < count; index += 1) text.insert(text.length, `word${index} `);
}

function newPlan(store: CareStore): { planId: string; doc: Y.Doc } {
  const doc = new Y.Doc();
  doc.getMap('aboutMe').set('whatMatters', new Y.Text());
  const planId = randomUUID();
  store.createPlan(planId, 'Jill Marsh', Y.encodeStateAsUpdate(doc), testActor);
  return { planId, doc };
}

function textOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return (doc.getMap('aboutMe').get('whatMatters') as Y.Text).toString();
}

describe('update log', () => {
  it('round-trips appended updates through the file', () => {
    const dataDir = tempDataDir();
    const store = open(dataDir);
    const { planId, doc } = newPlan(store);
    typeEdits(store, planId, doc, 20);
    const expected = (doc.getMap('aboutMe').get('whatMatters') as Y.Text).toString();
    store.close();
    stores.pop();
    const reopened = open(dataDir);
    const loaded = reopened.loadPlan(planId);
    expect(textOf(loaded.state)).toBe(expected);
    expect(loaded.lastSeq).toBe(21);
  });

  it('compaction keeps the content identical and shrinks the rows', () => {
    const store = open(tempDataDir(), 1_000_000);
    const { planId, doc } = newPlan(store);
    typeEdits(store, planId, doc, 120);
    const before = textOf(store.loadPlan(planId).state);
    expect(store.tailLength(planId)).toBe(121);
    const { folded } = store.compact(planId);
    expect(folded).toBe(121);
    expect(store.tailLength(planId)).toBe(0);
    const rows = store.database.prepare('SELECT COUNT(*) AS n FROM plan_updates').get() as { n: number };
    expect(rows.n).toBe(0);
    expect(textOf(store.loadPlan(planId).state)).toBe(before);
    // Later updates land after the snapshot and still load.
    const text = doc.getMap('aboutMe').get('whatMatters') as Y.Text;
    text.insert(0, 'Then: ');
    expect(textOf(store.loadPlan(planId).state)).toBe(text.toString());
  });

  it('compacts by itself past the threshold, off the keystroke path, so opening stays fast', async () => {
    const store = open(tempDataDir(), 50);
    const { planId, doc } = newPlan(store);
    typeEdits(store, planId, doc, 130);
    // Never inline: the append that crossed the threshold returned with the tail still whole.
    expect(store.tailLength(planId)).toBe(131);
    expect(store.compactionPending(planId)).toBe(true);
    while (store.compactionPending(planId)) await new Promise((resolve) => setImmediate(resolve));
    expect(store.tailLength(planId)).toBe(0);
    expect(textOf(store.loadPlan(planId).state)).toBe((doc.getMap('aboutMe').get('whatMatters') as Y.Text).toString());
  });

  it('a failure in the middle of compaction leaves the plan readable and unchanged', () => {
    const store = open(tempDataDir(), 1_000_000);
    const { planId, doc } = newPlan(store);
    typeEdits(store, planId, doc, 30);
    store.compact(planId); // there is an old snapshot to keep
    typeEdits(store, planId, new Y.Doc(), 0);
    const text = doc.getMap('aboutMe').get('whatMatters') as Y.Text;
    text.insert(text.length, 'after the first snapshot');
    const before = store.loadPlan(planId);
    const snapshotBefore = store.database.prepare('SELECT covers_seq, state_blob FROM plan_snapshots').all();
    const tailBefore = store.tailLength(planId);

    expect(() =>
      store.compact(planId, {
        afterSnapshotWritten: () => {
          throw new Error('disk full (injected)');
        },
      }),
    ).toThrow('disk full (injected)');
    expect(() =>
      store.compact(planId, {
        merge: () => {
          throw new Error('merge failed (injected)');
        },
      }),
    ).toThrow('merge failed (injected)');

    expect(store.database.prepare('SELECT covers_seq, state_blob FROM plan_snapshots').all()).toEqual(snapshotBefore);
    expect(store.tailLength(planId)).toBe(tailBefore);
    expect(textOf(store.loadPlan(planId).state)).toBe(textOf(before.state));
    expect(textOf(store.loadPlan(planId).state)).toContain('after the first snapshot');
  });
});
