import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  checkTextInsert,
  collectionSections,
  createItem,
  fieldLimits,
  initialisePlanDoc,
  maxTextLength,
  recordSections,
  type FieldSpecs,
} from '../../../shared/plan';

function countTextFields(fields: FieldSpecs): number {
  return Object.values(fields).reduce((count, spec) => count + (spec.kind === 'text' ? 1 : spec.kind === 'collection' ? countTextFields(spec.fields) : 0), 0);
}

describe('field length limits', () => {
  it('has a limit for every text field in the plan', () => {
    const total =
      Object.values(recordSections).reduce((count, fields) => count + countTextFields(fields), 0) +
      Object.values(collectionSections).reduce((count, spec) => count + countTextFields(spec.fields), 0);
    expect(Object.keys(fieldLimits)).toHaveLength(total);
    expect(fieldLimits['person.nhsNumber']).toBe(20);
    expect(fieldLimits['goals[].steps[].text']).toBe(1_000);
    expect(fieldLimits['meetings[].agendaItems[].discussion']).toBe(20_000);
    expect(Object.values(fieldLimits).every((limit) => limit > 0 && limit < 300_000)).toBe(true);
  });

  it('refuses a 300,000-character paste before it is inserted, with a message', () => {
    const problem = checkTextInsert(['aboutMe', 'whatMatters'], 120, 300_000);
    expect(problem).toEqual({
      path: ['aboutMe', 'whatMatters'],
      message:
        'That is too long for "What is most important to me": it can hold up to 5,000 characters, and this would make it 300,120. ' +
        'Nothing was added. Shorten it, or keep the long document elsewhere and note here where it is kept.',
      blocking: true,
    });
  });

  it('allows text that fits, in nested items too', () => {
    expect(checkTextInsert(['aboutMe', 'whatMatters'], 0, 5_000)).toBeNull();
    expect(checkTextInsert(['meetings', 'm1', 'agendaItems', 'a1', 'decision'], 10, 20)).toBeNull();
    expect(checkTextInsert(['goals', 'g1', 'words'], 999, 2)?.blocking).toBe(true);
    expect(maxTextLength(['goals', 'g1', 'words'])).toBe(1_000);
  });

  it('treats a path that is not a text field as refused', () => {
    expect(checkTextInsert(['goals', 'g1', 'importance'], 0, 1)?.message).toBe('This is not a text field in the plan');
    expect(checkTextInsert(['nowhere'], 0, 1)?.blocking).toBe(true);
  });

  it('the limits apply to the field ids the UI actually holds', () => {
    const doc = new Y.Doc();
    initialisePlanDoc(doc, '2025-01-01T00:00:00.000Z');
    const goalId = createItem(doc, ['goals'], {}, { by: 'Tom', at: '2025-01-01T10:00:00.000Z' });
    expect(checkTextInsert(['goals', goalId, 'measure'], 0, 300_000)?.message).toMatch(/How we will know/);
  });
});
