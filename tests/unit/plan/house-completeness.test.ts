import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { emptyPlanSnapshot, examplePlanSnapshot, houseCompleteness, initialisePlanDoc, readPlanSnapshot } from '../../../shared/plan';

describe('House of Care completeness', () => {
  it('reads 0 everywhere for an empty plan', () => {
    const doc = new Y.Doc();
    initialisePlanDoc(doc, '2026-03-10T09:00:00.000Z');
    const house = houseCompleteness(readPlanSnapshot(doc));
    expect(Object.values(house).map((part) => [part.part, part.summary, part.percent])).toEqual([
      ['centre', '0 of 5 filled', 0],
      ['leftWall', '0 of 6 filled', 0],
      ['rightWall', '0 of 4 filled', 0],
      ['roof', '0 of 5 filled', 0],
      ['foundation', '0 of 4 filled', 0],
    ]);
    expect(houseCompleteness(emptyPlanSnapshot('2026-03-10T09:00:00.000Z'))).toEqual(house);
  });

  it("shows Jill's plan as nearly complete, and says what is missing", () => {
    const house = houseCompleteness(examplePlanSnapshot('jill', { today: '2026-03-10' }));
    expect(house.centre).toMatchObject({ filled: 5, total: 5, fraction: 1, percent: 100, summary: '5 of 5 filled' });
    expect(house.rightWall).toMatchObject({ filled: 4, total: 4, summary: '4 of 4 filled' });
    // A draft is never "agreed with the person", whatever the hand-edited fields say.
    expect(house.roof).toMatchObject({ filled: 4, total: 5 });
    expect(house.roof.checks.filter((check) => !check.filled).map((check) => check.label)).toEqual(['Agreed with the person']);
    const agreed = houseCompleteness(examplePlanSnapshot('jill', { today: '2026-03-10' }), { agreedVersion: true });
    expect(agreed.roof).toMatchObject({ filled: 5, total: 5 });
    expect(house.leftWall).toMatchObject({ filled: 5, total: 6, percent: 83, summary: '5 of 6 filled' });
    expect(house.leftWall.checks.filter((check) => !check.filled).map((check) => check.label)).toEqual(['Information before the meeting']);
    expect(house.foundation).toMatchObject({ filled: 2, total: 4, fraction: 0.5, percent: 50, summary: '2 of 4 filled' });
    expect(house.foundation.checks.filter((check) => !check.filled).map((check) => check.label)).toEqual(['Additional support plans', 'Care funding source']);
  });

  it('names the sections each part opens', () => {
    const house = houseCompleteness(emptyPlanSnapshot('2026-03-10T09:00:00.000Z'));
    expect(house.centre.sections).toEqual(['aboutMe', 'needs', 'goals', 'actions', 'contingencyPlans']);
    expect(house.rightWall.sections).toEqual(['professionalContacts', 'actions']);
    expect(house.roof.sections).toEqual(['meetings', 'consent', 'agreement']);
    expect(house.foundation.sections).toEqual(['services', 'actions', 'supportPlans', 'agreement']);
    expect(house.roof.title).toBe('Organisation and processes');
  });
});
