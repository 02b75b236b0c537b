import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/services/create-handlers';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../main/services/handler-table';
import { CareStore } from '../../../main/store/care-store';
import type { HistoryGroup } from '../../../shared/contract';
import { createItem, getPlanText, readPlanSnapshot, updateItem } from '../../../shared/plan';
import { tempDataDir, TEST_PASSPHRASE, testActor } from '../../support/temp-store';
import { JILL } from '../agreement/support/jill-example-store';
import { callOk, editAndAppend, loadDoc } from '../trust/support/plan-edits';

interface Page {
  entries: HistoryGroup[];
  before: number | null;
  people: string[];
}

const priya = { name: 'Priya Nair', role: 'Social worker', organisation: 'Leeds City Council' };

let store: CareStore;
let handlers: HandlerTable;
let doc: Y.Doc;
// The store's clock, moved by the test: edits are seconds or minutes apart, as in a meeting.
let clock = Date.parse('2026-11-23T14:02:00.000Z');
const tick = (ms: number) => {
  clock += ms;
};

beforeEach(async () => {
  clock = Date.parse('2026-11-23T14:02:00.000Z');
  store = CareStore.open({ dataDir: tempDataDir('carehouse-history'), keySource: { kind: 'passphrase', passphrase: TEST_PASSPHRASE }, now: () => new Date(clock).toISOString() });
  handlers = createHandlers(store, { version: 'test' });
  store.saveProfile(priya);
  await callOk(handlers, 'loadExamplePlans', {});
  store.saveProfile(testActor);
  doc = await loadDoc(handlers, JILL);
});
afterEach(() => {
  doc.destroy();
  store.close();
});

const page = (input: Record<string, unknown> = {}) => callOk<Page>(handlers, 'getHistoryPage', { planId: JILL, ...input });

/** Types `text` into What matters one character per saved update, `gapMs` apart, as the renderer saves keystrokes. */
async function typeIntoWhatMatters(text: string, gapMs: number): Promise<void> {
  for (const character of text) {
    tick(gapMs);
    await editAndAppend(handlers, JILL, doc, (d) => getPlanText(d, ['aboutMe', 'whatMatters'])?.insert(0, character));
  }
}

describe('a history people can read', () => {
  it('folds 11 keystrokes by one person into one field into one entry that names the field', async () => {
    await typeIntoWhatMatters('Hello there', 15_000);
    const { entries } = await page();
    expect(entries[0]).toMatchObject({
      action: 'edit',
      field: 'What is most important to me',
      actorName: 'Tom Reid',
      count: 11,
      firstAt: '2026-11-23T14:02:15.000Z',
      lastAt: '2026-11-23T14:04:45.000Z',
    });
    // The example plan is credited to CareHouse, not to Priya who loaded it.
    expect(entries.at(-1)).toMatchObject({ action: 'create-plan', actorName: 'CareHouse examples' });
    expect(entries.filter((entry) => entry.actorName === 'Priya Nair')).toEqual([]);
  });

  it('starts a new entry for another person, another field, or after a pause of more than five minutes', async () => {
    await typeIntoWhatMatters('abc', 10_000);
    tick(6 * 60_000);
    await typeIntoWhatMatters('de', 10_000);
    expect((await page()).people).toEqual(['CareHouse examples', 'Tom Reid']);
    store.saveProfile(priya);
    await typeIntoWhatMatters('f', 10_000);
    const ot = readPlanSnapshot(doc).actions.find((action) => action.what.startsWith('OT home visit'));
    if (!ot) throw new Error('no OT action');
    tick(10_000);
    await editAndAppend(handlers, JILL, doc, (d) => updateItem(d, ['actions'], ot.id, { dueDate: '2026-12-14' }));
    const { entries } = await page();
    expect(entries.slice(0, 4).map((entry) => [entry.actorName, entry.field, entry.count])).toEqual([
      ['Priya Nair', 'Due date of action “OT home visit to fit rails and a perchi…”', 1],
      ['Priya Nair', 'What is most important to me', 1],
      ['Tom Reid', 'What is most important to me', 2],
      ['Tom Reid', 'What is most important to me', 3],
    ]);
    // The person filter's list follows new rows (it is kept between calls and only extended).
    expect((await page()).people).toEqual(['CareHouse examples', 'Priya Nair', 'Tom Reid']);
  });

  it('reaches the whole history by paging, and filters by person and section all the way back', async () => {
    // 120 separate entries: each keystroke six minutes after the last.
    await typeIntoWhatMatters('x'.repeat(120), 6 * 60_000);
    const all: HistoryGroup[] = [];
    let before: number | null | undefined;
    let pages = 0;
    do {
      const next = await page({ pageSize: 50, ...(before ? { before } : {}) });
      all.push(...next.entries);
      before = next.before;
      pages += 1;
    } while (before !== null && pages < 10);
    expect(pages).toBe(3);
    const raw = store.auditTrail(JILL, 10_000);
    expect(all.map((entry) => entry.id)).toEqual(raw.map((event) => event.id));
    expect(all.at(-1)).toMatchObject({ action: 'create-plan' });

    // The example's own edit (about me among other sections) is found past the first page by a section filter.
    const aboutMe = await page({ section: 'aboutMe', pageSize: 200 });
    expect(aboutMe.entries).toHaveLength(121);
    expect(aboutMe.entries.at(-1)).toMatchObject({ actorName: 'CareHouse examples' });
    const examples = await page({ person: 'CareHouse examples' });
    expect(examples.entries.map((entry) => entry.action)).toEqual(['edit', 'create-plan']);
    expect((await page()).people).toEqual(['CareHouse examples', 'Tom Reid']);
  });

  it('names the item when one edit wrote several of its fields (adding an action)', async () => {
    tick(10_000);
    await editAndAppend(handlers, JILL, doc, (d) => createItem(d, ['actions'], { what: 'Book the asthma review', dueDate: '2026-12-01' }, { by: 'Tom Reid', at: '2026-11-23T14:03:00.000Z' }));
    const { entries } = await page();
    expect(entries[0]).toMatchObject({ actorName: 'Tom Reid', field: 'Action “Book the asthma review”' });
  });

  it('lists a refused export with who it was for', async () => {
    const refused = await dispatchCall(handlers, 'exportPlan', { planId: JILL, format: 'pdf', recipient: 'Her neighbour' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    const { entries } = await page();
    expect(entries[0]).toMatchObject({ action: 'export-refused pdf draft', recipient: 'Her neighbour', actorName: 'Tom Reid' });
    // Sealed like the actor: the recipient's name is not in the file in the clear.
    const rows = store.database.prepare("SELECT action, detail_blob FROM audit_events WHERE action LIKE 'export-refused%'").all() as Array<{ detail_blob: Buffer }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.detail_blob.toString('latin1')).not.toContain('neighbour');
  });
});
