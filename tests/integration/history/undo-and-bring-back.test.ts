import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/services/create-handlers';
import type { HandlerTable } from '../../../main/services/handler-table';
import { CareStore } from '../../../main/store/care-store';
import type { HistoryGroup, ReversedChangesInfo } from '../../../shared/contract';
import { createItem, getPlanText, readPlanSnapshot, removeItem } from '../../../shared/plan';
import { describeGroup } from '../../../renderer/views/history/history-labels';
import { tempDataDir, TEST_PASSPHRASE } from '../../support/temp-store';
import { JILL } from '../agreement/support/jill-example-store';
import { dispatchCall } from '../../../main/services/dispatch-call';
import { callOk, editAndAppend, loadDoc } from '../trust/support/plan-edits';

// Priya is the person at this computer; Tom's changes reach her from the meeting.
const priya = { name: 'Priya Nair', role: 'Social worker', organisation: 'Leeds City Council' };
const fromTom = { kind: 'peer', peerName: 'Tom Reid', peerRole: 'Practice nurse', peerId: 'tom-laptop' } as const;
const tomEdits = { by: 'Tom Reid', at: '2026-11-23T14:00:00.000Z' };

let dataDir: string;
let store: CareStore;
let handlers: HandlerTable;
let doc: Y.Doc;
let clock = Date.parse('2026-11-23T13:50:00.000Z');
const tick = (ms: number) => (clock += ms);
const openStore = () =>
  // A tiny compaction threshold: the live state is garbage-collected long before the undo.
  CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase: TEST_PASSPHRASE }, now: () => new Date(clock).toISOString(), compactionThreshold: 3 });

beforeEach(async () => {
  clock = Date.parse('2026-11-23T13:50:00.000Z');
  dataDir = tempDataDir('carehouse-undo');
  store = openStore();
  handlers = createHandlers(store, { version: 'test' });
  store.saveProfile(priya);
  await callOk(handlers, 'loadExamplePlans', {});
  doc = await loadDoc(handlers, JILL);
});
afterEach(() => {
  doc.destroy();
  store.close();
});

const whatMatters = (d: Y.Doc = doc) => {
  const text = getPlanText(d, ['aboutMe', 'whatMatters']);
  if (!text) throw new Error('Jill has no What matters to me');
  return text;
};
const history = async () => (await callOk<{ entries: HistoryGroup[] }>(handlers, 'getHistoryPage', { planId: JILL, pageSize: 200 })).entries;
const auditRows = () => store.auditTrail(JILL, Number.MAX_SAFE_INTEGER).length;

/** What the History screen does: ask main for the forward change, apply it to the open plan, which saves it like any edit. */
async function reverse(reversal: Record<string, unknown>, action: 'undo-changes' | 'bring-back'): Promise<void> {
  const prepared = await callOk<{ update: string | null; reversed: ReversedChangesInfo }>(handlers, 'prepareReversal', { planId: JILL, reversal });
  expect(prepared.update).not.toBeNull();
  const bytes = Buffer.from(prepared.update ?? '', 'base64');
  const saved = await editAndAppend(handlers, JILL, doc, (d) => Y.applyUpdate(d, bytes), { kind: 'local', action, reversed: prepared.reversed });
  expect(saved).toHaveLength(1); // ONE new change
}

/** The plan as it is stored (reopened from disk), not as the test's document says. */
async function storedPlan() {
  const fresh = await loadDoc(handlers, JILL);
  try {
    return { plan: readPlanSnapshot(fresh), whatMatters: whatMatters(fresh).toString() };
  } finally {
    fresh.destroy();
  }
}

async function compactNow(): Promise<void> {
  store.compact(JILL);
  expect(store.loadPlan(JILL).tailLength).toBe(0);
}

describe("Undo this person's changes since …", () => {
  it("reverses what Tom changed since 14:02 and keeps his earlier edit and Priya's later one, as one new change by Priya", async () => {
    await editAndAppend(handlers, JILL, doc, () => whatMatters().insert(0, 'Early words. '), fromTom);
    tick(12 * 60_000); // 14:02
    const since = new Date(clock).toISOString();
    const [kept, dropped] = readPlanSnapshot(doc).goals;
    if (!kept || !dropped) throw new Error('Jill needs two goals for this test');
    await editAndAppend(handlers, JILL, doc, () => whatMatters().insert(0, 'Tom was here. '), fromTom);
    tick(30_000);
    await editAndAppend(handlers, JILL, doc, (d) => createItem(d, ['goals'], { words: 'Tom’s new goal', status: 'active' }, tomEdits), fromTom);
    tick(30_000);
    await editAndAppend(handlers, JILL, doc, (d) => removeItem(d, ['goals'], dropped.id, tomEdits), fromTom);
    tick(60_000);
    await editAndAppend(handlers, JILL, doc, () => whatMatters().insert(whatMatters().length, ' Priya’s later note.'));
    await compactNow();
    const before = await storedPlan();
    expect(before.whatMatters).toContain('Tom was here. ');
    expect(before.plan.goals.find((goal) => goal.id === dropped.id)?.removedAt).not.toBeNull();
    const rows = auditRows();

    tick(60_000);
    await reverse({ kind: 'since', person: 'Tom Reid', since }, 'undo-changes');

    const after = await storedPlan();
    expect(after.whatMatters).not.toContain('Tom was here.');
    expect(after.whatMatters.startsWith('Early words. ')).toBe(true);
    expect(after.whatMatters.endsWith(' Priya’s later note.')).toBe(true);
    expect(after.plan.goals.find((goal) => goal.words === 'Tom’s new goal' && goal.removedAt === null)).toBeUndefined();
    expect(after.plan.goals.find((goal) => goal.id === dropped.id)?.removedAt).toBeNull();
    expect(after.plan.goals.find((goal) => goal.id === kept.id)?.removedAt).toBeNull();
    // One new row, attributed to the person at this computer, in words.
    expect(auditRows()).toBe(rows + 1);
    const [newest] = await history();
    expect(newest).toMatchObject({ action: 'undo-changes', origin: 'local', actorName: 'Priya Nair', reversed: { person: 'Tom Reid', since } });
    expect(describeGroup(newest ?? ({} as HistoryGroup))).toMatch(/^Undid Tom Reid's changes since .*14:02/);
    // The stores' tamper checks still pass, also after reopening the file.
    expect(store.deepCheck()).toEqual({ storeProblems: [], damagedPlans: [] });
    store.close();
    store = openStore();
    handlers = createHandlers(store, { version: 'test' });
    expect(store.deepCheck()).toEqual({ storeProblems: [], damagedPlans: [] });
    expect((await storedPlan()).whatMatters).toBe(after.whatMatters);
  });

  it('an undo with nothing of that person since then changes nothing (and says so)', async () => {
    await editAndAppend(handlers, JILL, doc, () => whatMatters().insert(0, 'Tom typed this. '), fromTom);
    const positive = await callOk<{ update: string | null }>(handlers, 'prepareReversal', { planId: JILL, reversal: { kind: 'since', person: 'Tom Reid', since: '2026-11-23T13:00:00.000Z' } });
    expect(positive.update).not.toBeNull(); // control: Tom's change would be reversed
    tick(60_000);
    const none = await callOk<{ update: string | null }>(handlers, 'prepareReversal', { planId: JILL, reversal: { kind: 'since', person: 'Tom Reid', since: new Date(clock).toISOString() } });
    expect(none.update).toBeNull();
  });
});

describe('Bring back from History of changes', () => {
  it('brings back a deleted goal and a deleted sentence, each as one new change, keeping later edits', async () => {
    const [goal] = readPlanSnapshot(doc).goals;
    if (!goal) throw new Error('Jill needs a goal for this test');
    await editAndAppend(handlers, JILL, doc, () => whatMatters().insert(0, 'Seeing my grandchildren on Sundays. '), fromTom);
    tick(10 * 60_000);
    await editAndAppend(handlers, JILL, doc, (d) => removeItem(d, ['goals'], goal.id, tomEdits), fromTom);
    tick(10 * 60_000);
    await editAndAppend(handlers, JILL, doc, () => whatMatters().delete(0, 'Seeing my grandchildren on Sundays. '.length), fromTom);
    tick(10 * 60_000);
    await editAndAppend(handlers, JILL, doc, () => whatMatters().insert(whatMatters().length, ' Priya was here.'));
    await compactNow();
    expect((await storedPlan()).whatMatters).not.toContain('grandchildren');

    const entries = await history();
    const removals = entries.filter((entry) => entry.actorName === 'Tom Reid' && entry.removes);
    expect(removals).toHaveLength(2); // the removed goal and the deleted sentence; his typing removed nothing
    const [sentence, goalEntry] = removals; // newest first
    if (!sentence || !goalEntry) throw new Error('unreachable');

    let rows = auditRows();
    await reverse({ kind: 'entry', person: 'Tom Reid', fromId: goalEntry.firstId, toId: goalEntry.id }, 'bring-back');
    let after = await storedPlan();
    expect(after.plan.goals.find((item) => item.id === goal.id)).toMatchObject({ words: goal.words, removedAt: null });
    expect(after.whatMatters).not.toContain('grandchildren'); // only that entry
    expect(auditRows()).toBe(rows + 1);

    rows = auditRows();
    tick(60_000);
    await reverse({ kind: 'entry', person: 'Tom Reid', fromId: sentence.firstId, toId: sentence.id }, 'bring-back');
    after = await storedPlan();
    expect(after.whatMatters.startsWith('Seeing my grandchildren on Sundays. ')).toBe(true);
    expect(after.whatMatters.endsWith(' Priya was here.')).toBe(true);
    expect(auditRows()).toBe(rows + 1);
    const [newest] = await history();
    expect(newest).toMatchObject({ action: 'bring-back', actorName: 'Priya Nair', reversed: { person: 'Tom Reid' } });
    expect(describeGroup(newest ?? ({} as HistoryGroup))).toMatch(/^Brought back what Tom Reid removed at .*14:10/);
    expect(store.deepCheck()).toEqual({ storeProblems: [], damagedPlans: [] });
  });
});

describe('a reversal asked for wrongly', () => {
  it('is refused with a clear error and changes nothing', async () => {
    const rows = auditRows();
    const backwards = await dispatchCall(handlers, 'prepareReversal', { planId: JILL, reversal: { kind: 'entry', person: 'Tom Reid', fromId: 9, toId: 3 } });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await dispatchCall(handlers, 'prepareReversal', { planId: '11111111-2222-4333-8444-555555555555', reversal: { kind: 'since', person: 'Tom Reid', since: '2026-11-23T14:02:00.000Z' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Control: the same call, well formed, is answered.
    const fine = await dispatchCall(handlers, 'prepareReversal', { planId: JILL, reversal: { kind: 'since', person: 'Tom Reid', since: '2026-11-23T14:02:00.000Z' } });
    expect(fine).toMatchObject({ ok: true, value: { update: null } });
    expect(auditRows()).toBe(rows);
  });
});
