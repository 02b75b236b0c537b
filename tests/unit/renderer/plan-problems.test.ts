import { describe, expect, it } from 'vitest';
import { emptyPlanSnapshot, examplePlanSnapshot, validatePlan } from '../../../shared/plan';
import { countBlockingUnder, indexProblems, problemsAt } from '../../../renderer/views/plan/plan-problems';

describe('validation problems by field', () => {
  it('puts a wrong NHS number next to the NHS number field, as a problem, not advice', () => {
    const plan = examplePlanSnapshot('jill', { today: '2026-11-23' });
    plan.person.nhsNumber = '999 526 0183';
    const index = indexProblems(validatePlan(plan));
    const found = problemsAt(index, ['person', 'nhsNumber']);
    expect(found.problem).toMatch(/not a valid NHS number/);
    expect(found.advice).toBeNull();
    expect(problemsAt(index, ['person', 'firstName'])).toEqual({ problem: null, advice: null });
  });

  it('shows advice (not a problem) for a missing date of birth, and lists a whole-list problem at the list', () => {
    const plan = emptyPlanSnapshot('2026-11-23T10:00:00.000Z');
    const index = indexProblems(validatePlan(plan));
    expect(problemsAt(index, ['person', 'dateOfBirth'])).toEqual({ problem: null, advice: 'Add the date of birth' });
    expect(problemsAt(index, ['professionalContacts']).problem).toMatch(/Name one keyworker/);
  });

  it('counts the blocking problems in a section, items included', () => {
    const plan = examplePlanSnapshot('jill', { today: '2026-11-23' });
    const action = plan.actions[0];
    if (!action) throw new Error('Jill has actions');
    action.what = '';
    action.owner = null;
    const index = indexProblems(validatePlan(plan));
    expect(countBlockingUnder(index, ['actions'])).toBe(2);
    expect(countBlockingUnder(index, ['goals'])).toBe(0);
    // A prefix of a key is not the section: 'person' must not count 'personalContacts'.
    expect(countBlockingUnder(index, ['person'])).toBe(0);
  });
});
