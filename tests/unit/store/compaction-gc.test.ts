import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildExamplePlan, getPlanText, readPlanSnapshot, readPlanSnapshotFromState } from '../../../shared/plan';
import type { CareStore } from '../../../main/store/care-store';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';

const stores: CareStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()?.close();
});

const EDITS = 6_000;

/**
 * Edit-heavy typing into Jill's plan: words typed, some backspaced and retyped, a
 * sentence rewritten now and then — the deleted text is what plain merging keeps forever.
 */
function editHeavyHistory(): { doc: Y.Doc; initial: Uint8Array; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  buildExamplePlan('jill', doc, { today: '2026-11-23' });
  const initial = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = getPlanText(doc, ['aboutMe', 'whatMatters']);
  if (!text) throw new Error('no text');
  for (let index = 0; updates.length < EDITS; index += 1) {
    if (index % 7 === 6 && text.length > 0) text.delete(text.length - 1, 1);
    else text.insert(text.length, 'abcdefghij'[index % 10] ?? 'a');
    if (text.length > 400) text.delete(0, 300);
  }
  return { doc, initial, updates };
}

/** Bytes the plan occupies in the store: its snapshot plus every update row after it. */
function storedBytes(store: CareStore, planId: string): number {
  const row = store.database
    .prepare(
      `SELECT COALESCE((SELECT LENGTH(state_blob) FROM plan_snapshots WHERE plan_id = ?), 0)
            + COALESCE((SELECT SUM(LENGTH(update_blob)) FROM plan_updates WHERE plan_id = ?), 0) AS bytes`,
    )
    .get(planId, planId) as { bytes: number };
  return row.bytes;
}

async function storeHistory(compact: (store: CareStore, planId: string) => void): Promise<{ store: CareStore; planId: string; doc: Y.Doc }> {
  const store = openTestStore(tempDataDir(), { compactionThreshold: 500 });
  stores.push(store);
  const { doc, initial, updates } = editHeavyHistory();
  const planId = randomUUID();
  store.createPlan(planId, 'Jill Marsh', initial, testActor);
  for (let start = 0; start < updates.length; start += 250) {
    store.appendUpdates(updates.slice(start, start + 250).map((update) => ({ planId, update, origin: 'local' as const, actor: testActor, sections: ['aboutMe'] })));
    compact(store, planId);
  }
  return { store, planId, doc };
}

describe('compaction garbage-collects (issue 14)', () => {
  it('after a long edit-heavy history the stored state decodes to the same plan and is within 1.5x of the re-encoded document', async () => {
    const { store, planId, doc } = await storeHistory(() => undefined);
    // Compaction ran by itself, off the append path: wait for the queued one to finish.
    while (store.compactionPending(planId)) await new Promise((resolve) => setImmediate(resolve));
    store.compact(planId);
    const reencoded = Y.encodeStateAsUpdate(doc).length;
    const loaded = store.loadPlan(planId);
    expect(readPlanSnapshotFromState(loaded.state)).toEqual(readPlanSnapshot(doc));
    expect(loaded.lastSeq).toBe(EDITS + 1);
    const ratio = storedBytes(store, planId) / reencoded;
    console.log(`stored ${storedBytes(store, planId)} bytes vs re-encoded ${reencoded} bytes: ${ratio.toFixed(2)}x`);
    expect(ratio).toBeLessThanOrEqual(1.5);
  });

  it('control: folding by merging updates (what compaction did before) keeps deleted text and fails the same bound', async () => {
    const { store, planId, doc } = await storeHistory((s, id) => {
      if (s.tailLength(id) >= 500) s.compact(id, { merge: (updates) => Y.mergeUpdates(updates) });
    });
    store.compact(planId, { merge: (updates) => Y.mergeUpdates(updates) });
    expect(readPlanSnapshotFromState(store.loadPlan(planId).state)).toEqual(readPlanSnapshot(doc));
    expect(storedBytes(store, planId) / Y.encodeStateAsUpdate(doc).length).toBeGreaterThan(1.5);
  });
});
