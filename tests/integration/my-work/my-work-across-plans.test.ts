import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/services/create-handlers';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import type { MyWork, PlanSummary } from '../../../shared/contract';
import { addDays, createItem, readPlanSnapshot, updateItem, updateRecordSection } from '../../../shared/plan';
import { openTestStore, tempDataDir } from '../../support/temp-store';
import { callOk, editAndAppend, loadDoc } from '../trust/support/plan-edits';

const JILL = '0e8a1f3c-5b7d-4c2e-9f10-3a6b8d2c1e01';
const AMIR = '0e8a1f3c-5b7d-4c2e-9f10-3a6b8d2c1e02';
const OKONKWO = '0e8a1f3c-5b7d-4c2e-9f10-3a6b8d2c1e03';
const priya = { name: 'Priya Nair', role: 'Social worker', organisation: 'Leeds City Council' };
const tom = { name: 'Tom Reid', role: 'Practice nurse', organisation: 'Headingley Medical Centre' };
const editor = { by: 'Priya Nair', at: '2026-11-23T10:00:00.000Z' };

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

let store: CareStore;
let handlers: HandlerTable;
const docs: Y.Doc[] = [];

async function edit(planId: string, change: (doc: Y.Doc) => void): Promise<void> {
  const doc = await loadDoc(handlers, planId);
  docs.push(doc);
  await editAndAppend(handlers, planId, doc, change);
}

const myWork = () => callOk<MyWork>(handlers, 'listMyWork', {});

beforeEach(async () => {
  store = openTestStore(tempDataDir('carehouse-my-work'));
  handlers = createHandlers(store, { version: 'test' });
  store.saveProfile(priya);
  await callOk(handlers, 'loadExamplePlans', {});
});
afterEach(() => {
  for (const doc of docs.splice(0)) doc.destroy();
  store.close();
});

describe('My actions and Reviews due, across every plan on this machine (real store, through the contract)', () => {
  it('lists my open actions from every plan I am on, overdue first, and nobody else’s', async () => {
    const today = localToday();
    // Jill: one of Priya's actions is now three days late.
    const jill = readPlanSnapshot(await loadDoc(handlers, JILL));
    const transport = jill.actions.find((action) => action.what.startsWith('Arrange community transport'));
    expect(transport).toBeDefined();
    await edit(JILL, (doc) => updateItem(doc, ['actions'], transport?.id ?? '', { dueDate: addDays(today, -3) }));

    // A second plan: Priya typed with different spacing and case; one late action, one done, one of Tom's.
    const second = await callOk<PlanSummary>(handlers, 'createPlan', { displayName: 'Second plan' });
    await edit(second.id, (doc) => {
      const me = createItem(doc, ['professionalContacts'], { name: '  priya   NAIR ', role: 'Social worker' }, editor);
      const other = createItem(doc, ['professionalContacts'], { name: 'Tom Reid', role: 'Practice nurse' }, editor);
      createItem(doc, ['actions'], { what: 'Phone the housing officer', owner: { kind: 'careTeam', contactId: me }, dueDate: addDays(today, -1) }, editor);
      createItem(doc, ['actions'], { what: 'Already finished', owner: { kind: 'careTeam', contactId: me }, dueDate: addDays(today, -9), status: 'done' }, editor);
      createItem(doc, ['actions'], { what: 'Tom’s job', owner: { kind: 'careTeam', contactId: other }, dueDate: addDays(today, -9) }, editor);
    });

    const work = await myWork();
    expect(work.me).toBe('Priya Nair');
    expect(work.today).toBe(today);
    expect(work.myActions.map((row) => [row.planName, row.what, row.overdue])).toEqual([
      ['Jill Marsh (example)', 'Arrange community transport to lunch club on Tuesdays', true],
      ['Second plan', 'Phone the housing officer', true],
      ['Jill Marsh (example)', "Carer's assessment for Karen", false],
      ['Jill Marsh (example)', 'Arrange a pendant alarm', false],
    ]);
    expect(work.myActions[0]?.personName).toBe('Jill Marsh');

    // Marked done, it leaves the list; an archived plan's actions leave it too.
    await edit(second.id, (doc) => {
      const action = readPlanSnapshot(doc).actions.find((row) => row.what === 'Phone the housing officer');
      updateItem(doc, ['actions'], action?.id ?? '', { status: 'done' });
    });
    await callOk(handlers, 'setPlanArchived', { planId: JILL, archived: true });
    expect((await myWork()).myActions).toEqual([]);

    // Someone else on this machine sees their own.
    await callOk(handlers, 'setPlanArchived', { planId: JILL, archived: false });
    store.saveProfile(tom);
    expect((await myWork()).myActions.map((row) => row.what)).toEqual(['Tom’s job', 'Refer to a falls-prevention exercise class']);
  });

  it('lists plans whose review is past (flagged overdue) or within two weeks, soonest first', async () => {
    const today = localToday();
    // Control: the examples' reviews are three months away, so none is due yet.
    expect((await myWork()).reviewsDue).toEqual([]);
    await edit(AMIR, (doc) => updateRecordSection(doc, 'agreement', { reviewDate: addDays(today, -1) }));
    await edit(OKONKWO, (doc) => updateRecordSection(doc, 'agreement', { reviewDate: addDays(today, 14) }));
    await edit(JILL, (doc) => updateRecordSection(doc, 'agreement', { reviewDate: addDays(today, 15) }));
    const work = await myWork();
    expect(work.reviewsDue.map((row) => [row.planName, row.reviewDate, row.overdue])).toEqual([
      ['Amir Hassan (example)', addDays(today, -1), true],
      ['Okonkwo family (example)', addDays(today, 14), false],
    ]);
    await callOk(handlers, 'setPlanArchived', { planId: AMIR, archived: true });
    expect((await myWork()).reviewsDue.map((row) => row.planName)).toEqual(['Okonkwo family (example)']);
  });

  it('refuses input it does not expect and changes nothing', async () => {
    const { dispatchCall } = await import('../../../main/services/dispatch-call');
    const refused = await dispatchCall(handlers, 'listMyWork', { everyone: true });
    expect(refused.ok).toBe(false);
  });
});
