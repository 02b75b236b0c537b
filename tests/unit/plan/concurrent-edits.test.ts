import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createItem,
  getPlanText,
  initialisePlanDoc,
  listItemIds,
  moveItem,
  readPlanSnapshot,
  removeItem,
  restoreItem,
  updateItem,
} from '../../../shared/plan';
import { forkDoc, syncDocs } from './fixtures/sync-docs';

const tom = { by: 'Tom Reid', at: '2025-03-14T10:00:00.000Z' };
const priya = { by: 'Priya Nair', at: '2025-03-14T10:01:00.000Z' };

function planWithGoals(...words: string[]): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  initialisePlanDoc(doc, '2025-03-14T09:00:00.000Z');
  const ids = words.map((text) => createItem(doc, ['goals'], { words: text }, tom));
  return { doc, ids };
}

describe('two people editing the same plan at once', () => {
  it('merges concurrent edits to the same goal without losing either', () => {
    const { doc: jillsLaptop, ids } = planWithGoals('Get to lunch club');
    const goalId = ids[0] ?? '';
    const tomsLaptop = forkDoc(jillsLaptop);

    // One person edits the words; the other sets importance and a measure.
    getPlanText(jillsLaptop, ['goals', goalId, 'words'])?.insert('Get to lunch club'.length, ' every Tuesday');
    updateItem(tomsLaptop, ['goals'], goalId, { importance: 9, status: 'active' });
    getPlanText(tomsLaptop, ['goals', goalId, 'measure'])?.insert(0, 'Goes each week');
    // Both type into the same text field.
    getPlanText(jillsLaptop, ['goals', goalId, 'whyItMatters'])?.insert(0, 'My friends are there.');
    getPlanText(tomsLaptop, ['goals', goalId, 'whyItMatters'])?.insert(0, 'Gets her out. ');

    syncDocs(jillsLaptop, tomsLaptop);

    const fromJill = readPlanSnapshot(jillsLaptop).goals[0];
    const fromTom = readPlanSnapshot(tomsLaptop).goals[0];
    expect(fromJill).toEqual(fromTom);
    expect(fromJill?.words).toBe('Get to lunch club every Tuesday');
    expect(fromJill?.importance).toBe(9);
    expect(fromJill?.status).toBe('active');
    expect(fromJill?.measure).toBe('Goes each week');
    expect(fromJill?.whyItMatters).toContain('My friends are there.');
    expect(fromJill?.whyItMatters).toContain('Gets her out. ');
    expect(fromJill?.whyItMatters).toHaveLength('My friends are there.'.length + 'Gets her out. '.length);
  });

  it('keeps an edit made while someone else reorders the list', () => {
    const { doc: a, ids } = planWithGoals('One', 'Two', 'Three');
    const [one = '', two = '', three = ''] = ids;
    const b = forkDoc(a);

    moveItem(a, ['goals'], three, 0);
    getPlanText(b, ['goals', three, 'words'])?.insert(5, ' (most important)');
    updateItem(b, ['goals'], three, { importance: 10 });

    syncDocs(a, b);
    for (const doc of [a, b]) {
      expect(listItemIds(doc, ['goals'])).toEqual([three, one, two]);
      const goal = readPlanSnapshot(doc).goals[0];
      expect(goal?.words).toBe('Three (most important)');
      expect(goal?.importance).toBe(10);
    }
  });

  it('never duplicates an item two people move at the same time', () => {
    const { doc: a, ids } = planWithGoals('One', 'Two', 'Three', 'Four');
    const [, , , four = ''] = ids;
    const b = forkDoc(a);
    moveItem(a, ['goals'], four, 0);
    moveItem(b, ['goals'], four, 2);
    syncDocs(a, b);
    expect(listItemIds(a, ['goals'])).toEqual(listItemIds(b, ['goals']));
    expect(listItemIds(a, ['goals'])).toHaveLength(4);
  });

  it('keeps both items when two people add at the end at once, in the same order everywhere', () => {
    const { doc: a } = planWithGoals('One');
    const b = forkDoc(a);
    createItem(a, ['goals'], { words: 'From A' }, tom);
    createItem(b, ['goals'], { words: 'From B' }, priya);
    syncDocs(a, b);
    const wordsA = readPlanSnapshot(a).goals.map((goal) => goal.words);
    expect(wordsA).toHaveLength(3);
    expect(wordsA).toEqual(readPlanSnapshot(b).goals.map((goal) => goal.words));
  });

  it('keeps links when items are reordered, and merges concurrent link additions', () => {
    const doc = new Y.Doc();
    initialisePlanDoc(doc, '2025-03-14T09:00:00.000Z');
    const g1 = createItem(doc, ['goals'], { words: 'Safe at home' }, tom);
    const g2 = createItem(doc, ['goals'], { words: 'Lunch club' }, tom);
    const action = createItem(doc, ['actions'], { what: 'Falls class', goalIds: [g1] }, tom);
    const other = forkDoc(doc);
    moveItem(doc, ['goals'], g2, 0);
    updateItem(other, ['actions'], action, { goalIds: [g1, g2] });
    syncDocs(doc, other);
    const snapshot = readPlanSnapshot(doc);
    expect(snapshot.goals.map((goal) => goal.id)).toEqual([g2, g1]);
    expect(snapshot.actions[0]?.goalIds).toEqual([g1, g2].sort());
  });

  it('removes softly: the item stays readable, marked with who removed it and when', () => {
    const { doc, ids } = planWithGoals('Keep', 'Drop');
    const drop = ids[1] ?? '';
    const other = forkDoc(doc);
    removeItem(doc, ['goals'], drop, priya);
    getPlanText(other, ['goals', drop, 'words'])?.insert(4, ' it');
    syncDocs(doc, other);

    expect(listItemIds(doc, ['goals'])).toEqual([ids[0]]);
    expect(listItemIds(doc, ['goals'], { includeRemoved: true })).toEqual(ids);
    const removed = readPlanSnapshot(doc).goals.find((goal) => goal.id === drop);
    expect(removed).toMatchObject({ words: 'Drop it', removedAt: priya.at, removedBy: 'Priya Nair' });

    restoreItem(doc, ['goals'], drop);
    expect(listItemIds(doc, ['goals'])).toEqual(ids);
  });

  it('places new and moved items among the live items, skipping removed ones', () => {
    const { doc, ids } = planWithGoals('A', 'B', 'C');
    const [a = '', b = '', c = ''] = ids;
    removeItem(doc, ['goals'], b, tom);
    const d = createItem(doc, ['goals'], { words: 'D' }, tom, { index: 1 });
    expect(listItemIds(doc, ['goals'])).toEqual([a, d, c]);
    moveItem(doc, ['goals'], a, 5);
    expect(listItemIds(doc, ['goals'])).toEqual([d, c, a]);
    for (let step = 0; step < 30; step += 1) moveItem(doc, ['goals'], a, 1);
    expect(listItemIds(doc, ['goals'])).toEqual([d, a, c]);
  });
});
