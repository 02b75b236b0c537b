import { describe, expect, it } from 'vitest';
import {
  examplePlanSnapshot,
  listBlockingProblems,
  validatePlan,
  type CarePlanSnapshot,
  type PlanProblem,
} from '../../../shared/plan';

const today = '2026-03-10';

function jill(): CarePlanSnapshot {
  return examplePlanSnapshot('jill', { today });
}

function messages(problems: PlanProblem[]): string[] {
  return problems.map((problem) => problem.message);
}

function contact(plan: CarePlanSnapshot, name: string) {
  const found = plan.professionalContacts.find((entry) => entry.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

describe('validating a plan', () => {
  it('finds no blocking problems in the example plans', () => {
    for (const name of ['jill', 'amir', 'okonkwo'] as const) {
      expect(listBlockingProblems(examplePlanSnapshot(name, { today }))).toEqual([]);
    }
    expect(validatePlan(jill())).toEqual([]);
  });

  it('blocks when there is no keyworker', () => {
    const plan = jill();
    contact(plan, 'Priya Nair').isKeyworker = false;
    const blocking = listBlockingProblems(plan);
    expect(blocking).toEqual([{ path: ['professionalContacts'], message: `Name one keyworker: nobody in the care team is the keyworker on ${today}`, blocking: true }]);
  });

  it('blocks when two people are keyworker at once', () => {
    const plan = jill();
    contact(plan, 'Tom Reid').isKeyworker = true;
    expect(messages(listBlockingProblems(plan))).toEqual([
      `Only one person can be the keyworker at a time, but on ${today} it is Tom Reid and Priya Nair`,
    ]);
  });

  it("accepts a keyworker handover (Amir at 18) and checks the date it applies to", () => {
    const amir = examplePlanSnapshot('amir', { today });
    expect(listBlockingProblems(amir, { today: '2027-05-18' })).toEqual([]);
    expect(listBlockingProblems(amir, { today: '2027-05-19' })).toEqual([]);
    const overlapping = structuredClone(amir);
    const adults = overlapping.professionalContacts.find((entry) => entry.name === 'Owen Price');
    if (adults) adults.keyworkerFrom = '2027-05-01';
    expect(messages(listBlockingProblems(overlapping, { today }))).toEqual([
      'Nadia Hussain and Owen Price are both keyworker for a while: make one hand over to the other',
    ]);
  });

  it('blocks an action without an owner or a description', () => {
    const plan = jill();
    const action = plan.actions[0];
    if (!action) throw new Error('no action');
    action.owner = null;
    action.what = ' ';
    const blocking = listBlockingProblems(plan);
    expect(blocking.map((problem) => problem.path)).toEqual([
      ['actions', action.id, 'what'],
      ['actions', action.id, 'owner'],
    ]);
    expect(blocking[1]?.message).toMatch(/Say who will do this/);
  });

  it('blocks an action owned by someone removed from the team', () => {
    const plan = jill();
    const sam = contact(plan, 'Sam Okoro');
    sam.removedAt = '2026-03-11T10:00:00.000Z';
    expect(messages(listBlockingProblems(plan))).toEqual(['Who will do it names Sam Okoro, who has been removed from the plan']);
  });

  it('blocks a contingency plan with no trigger (removed or blank triggers do not count)', () => {
    const plan = jill();
    const contingency = plan.contingencyPlans[0];
    if (!contingency) throw new Error('no contingency');
    contingency.triggers = contingency.triggers.map((trigger, index) =>
      index === 0 ? { ...trigger, text: '  ' } : { ...trigger, removedAt: '2026-03-11T10:00:00.000Z', removedBy: 'Tom' },
    );
    expect(listBlockingProblems(plan)).toEqual([
      {
        path: ['contingencyPlans', contingency.id, 'triggers'],
        message: 'If my chest gets bad needs at least one warning sign: what tells you it is time to use it?',
        blocking: true,
      },
    ]);
  });

  it('blocks an invalid NHS number with a clear message', () => {
    const plan = jill();
    plan.person.nhsNumber = '999 526 0183';
    expect(listBlockingProblems(plan)).toEqual([
      { path: ['person', 'nhsNumber'], message: 'This is not a valid NHS number: the last digit does not match the others. Check it for a typing mistake', blocking: true },
    ]);
  });

  it('blocks dates that do not exist and a review before the plan date', () => {
    const plan = jill();
    plan.person.dateOfBirth = '1944-02-30';
    plan.agreement.reviewDate = '2026-03-01';
    expect(listBlockingProblems(plan)).toEqual([
      { path: ['person', 'dateOfBirth'], message: 'Date of birth: that day does not exist: this month has 29 days', blocking: true },
      { path: ['agreement', 'reviewDate'], message: "The review date (2026-03-01) is before the plan's date (2026-03-10)", blocking: true },
    ]);
  });

  it('blocks goal importance outside whole numbers 1 to 10', () => {
    for (const importance of [0, 11, 7.5]) {
      const plan = jill();
      const goal = plan.goals[0];
      if (!goal) throw new Error('no goal');
      goal.importance = importance;
      expect(listBlockingProblems(plan)).toEqual([
        { path: ['goals', goal.id, 'importance'], message: 'How important (1 to 10) must be a whole number from 1 to 10', blocking: true },
      ]);
    }
  });

  it('blocks stored text over its limit and advises on gaps without blocking', () => {
    const plan = jill();
    plan.aboutMe.whatMatters = 'x'.repeat(300_000);
    expect(messages(listBlockingProblems(plan))).toEqual([
      '"What is most important to me" is too long: 300,000 characters, the most is 5,000',
    ]);
    const sparse = jill();
    sparse.consent.status = 'notYetAsked';
    sparse.agreement.reviewResponsible = null;
    expect(listBlockingProblems(sparse)).toEqual([]);
    expect(validatePlan(sparse).filter((problem) => !problem.blocking).map((problem) => problem.path.join('.'))).toEqual([
      'consent.status',
      'agreement.reviewResponsible',
    ]);
  });

  it('does not check removed items', () => {
    const plan = jill();
    const action = plan.actions[0];
    if (!action) throw new Error('no action');
    Object.assign(action, { owner: null, removedAt: '2026-03-11T10:00:00.000Z', removedBy: 'Priya' });
    expect(listBlockingProblems(plan)).toEqual([]);
  });
});
