import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildExamplePlan, createItem, getPlanText, initialisePlanDoc, readPlanSnapshot, removeItem, updateItem } from '../../../shared/plan';
import { MAX_FIELD_PATHS, updateFieldPaths } from '../../../shared/plan/update-field-paths';

/** Applies `edit` on a copy of `doc` and returns the field paths of the update it made, read from `doc` after applying it. */
function pathsOf(doc: Y.Doc, edit: (d: Y.Doc) => void): string[] {
  let update: Uint8Array | null = null;
  const listener = (bytes: Uint8Array) => {
    update = bytes;
  };
  doc.on('update', listener);
  doc.transact(() => edit(doc));
  doc.off('update', listener);
  if (!update) throw new Error('no update');
  return updateFieldPaths(doc, update);
}

function jill(): Y.Doc {
  const doc = new Y.Doc();
  initialisePlanDoc(doc, '2026-11-23T09:00:00.000Z');
  buildExamplePlan('jill', doc, { today: '2026-11-23' });
  return doc;
}

const by = { by: 'Tom Reid', at: '2026-11-23T10:00:00.000Z' };

describe('which fields an update touched', () => {
  it('names a record field for typing and for deleting in it', () => {
    const doc = jill();
    expect(pathsOf(doc, (d) => getPlanText(d, ['aboutMe', 'whatMatters'])?.insert(0, 'A'))).toEqual(['aboutMe.whatMatters']);
    expect(pathsOf(doc, (d) => getPlanText(d, ['aboutMe', 'whatMatters'])?.delete(0, 1))).toEqual(['aboutMe.whatMatters']);
  });

  it("names an item's field, and the item itself when it is added or removed", () => {
    const doc = jill();
    const action = readPlanSnapshot(doc).actions[0]!;
    expect(pathsOf(doc, (d) => updateItem(d, ['actions'], action.id, { dueDate: '2026-12-14' }))).toEqual([`actions.${action.id}.dueDate`]);
    expect(pathsOf(doc, (d) => removeItem(d, ['actions'], action.id, by))).toEqual(expect.arrayContaining([`actions.${action.id}.removedAt`]));
    const added = pathsOf(doc, (d) => createItem(d, ['goals'], { words: 'Walk to the shop' }, by));
    expect(added.every((path) => path.startsWith('goals.'))).toBe(true);
  });

  it('keeps at most a bounded number of paths for a whole plan written at once', () => {
    const doc = new Y.Doc();
    initialisePlanDoc(doc, '2026-11-23T09:00:00.000Z');
    expect(pathsOf(doc, (d) => buildExamplePlan('okonkwo', d, { today: '2026-11-23' })).length).toBe(MAX_FIELD_PATHS);
  });
});
