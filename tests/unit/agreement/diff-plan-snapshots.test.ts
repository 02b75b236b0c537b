import { describe, expect, it } from 'vitest';
import { examplePlanSnapshot, type CarePlanSnapshot } from '../../../shared/plan';
import { canonicalJson, countChanges, diffPlanSnapshots } from '../../../shared/plan-diff';

// Built once: example items get fresh random ids each time, and a diff matches items by id.
const example = examplePlanSnapshot('jill', { today: '2026-11-23' });
const jill = (): CarePlanSnapshot => structuredClone(example);
const removed = { removedAt: '2026-12-01T10:00:00.000Z', removedBy: 'Tom Reid' };
const added = { createdAt: '2026-12-01T10:00:00.000Z', createdBy: 'Tom Reid', removedAt: null, removedBy: null };

function lines(from: CarePlanSnapshot, to: CarePlanSnapshot): string[] {
  return diffPlanSnapshots(from, to).flatMap((section) => section.changes.map((change) => `${section.title}: ${change.text}`));
}

function find<T extends { id: string }>(items: T[], test: (item: T) => boolean): T {
  const item = items.find(test);
  if (!item) throw new Error('example plan changed shape');
  return item;
}

describe('diffPlanSnapshots: what changed, in plain words per section', () => {
  it('finds nothing between a plan and itself, or a copy with its keys in another order', () => {
    const plan = jill();
    expect(diffPlanSnapshots(plan, jill())).toEqual([]);
    const reordered = JSON.parse(canonicalJson(plan)) as CarePlanSnapshot;
    expect(diffPlanSnapshots(plan, reordered)).toEqual([]);
  });

  it('names added, removed and restored goals, actions and contacts by their words', () => {
    const from = jill();
    const to = jill();
    const goal = find(to.goals, () => true);
    to.goals.push({ ...goal, ...added, id: 'goal-new', words: 'Get back to the allotment by spring', steps: [], progress: [] });
    const action = find(to.actions, (item) => item.what.startsWith('Arrange a pendant alarm'));
    Object.assign(action, removed);
    const contact = find(from.personalContacts, () => true);
    Object.assign(contact, removed); // removed in the older version, back in the newer one
    expect(lines(from, to)).toEqual(
      expect.arrayContaining([
        "Goals: Goal added: 'Get back to the allotment by spring'",
        "Actions: Action removed: 'Arrange a pendant alarm'",
        `Family, friends and carers: Contact restored: '${contact.name}'`,
      ]),
    );
  });

  it('says which field of which item changed, with before and after for short values', () => {
    const from = jill();
    const to = jill();
    const ot = find(to.actions, (item) => item.what.startsWith('OT home visit'));
    const due = ot.dueDate;
    ot.dueDate = '2026-12-14';
    ot.status = 'inProgress';
    const team = find(to.professionalContacts, (item) => !item.isKeyworker);
    ot.owner = { kind: 'careTeam', contactId: team.id };
    const goal = find(to.goals, () => true);
    goal.importance = goal.importance === 10 ? 9 : 10;
    const before = find(from.goals, (item) => item.id === goal.id).importance;
    const result = lines(from, to);
    expect(result).toEqual(
      expect.arrayContaining([
        `Actions: Action 'OT home visit to fit rails and a perching stool' — due date changed from ${due} to 2026-12-14`,
        "Actions: Action 'OT home visit to fit rails and a perching stool' — status changed from Not started to In progress",
        expect.stringMatching(/^Actions: Action 'OT home visit.*' — who will do it changed from .+ to .+$/),
        `Goals: Goal '${goal.words.slice(0, 59).trimEnd()}${goal.words.length > 60 ? '…' : ''}' — how important (1 to 10) changed from ${before} to ${goal.importance}`,
      ]),
    );
  });

  it('summarises long free text, quotes short text, and keeps acronyms in labels', () => {
    const from = jill();
    const to = jill();
    to.aboutMe.whatMatters = `${to.aboutMe.whatMatters} And my cat.`;
    from.person.preferredName = '';
    to.person.preferredName = 'Jilly';
    to.person.gpPracticeCode = 'B86099';
    to.consent.status = 'declined';
    to.agreement.reviewDate = null;
    const result = lines(from, to);
    expect(result).toContain('About me: What is most important to me changed');
    expect(result).toContain("Person: Preferred name added: 'Jilly'");
    expect(result).toEqual(expect.arrayContaining([expect.stringMatching(/^Person: GP practice code (changed from '.*' to|added:) '?B86099'?/)]));
    expect(result).toContain('Consent and information sharing: Consent to share with the team changed from given to declined');
    expect(result).toContain(`Agreement and review: Review date cleared (was ${from.agreement.reviewDate})`);
  });

  it('reports changes inside an item (a goal step, a warning sign) under the item', () => {
    const from = jill();
    const to = jill();
    const plan = find(to.contingencyPlans, () => true);
    const trigger = find(plan.triggers, () => true);
    trigger.text = 'Coughing up green phlegm';
    plan.triggers.push({ ...added, id: 'trigger-new', text: 'Too breathless to finish a sentence' });
    const result = lines(from, to);
    expect(result).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Contingency and safety plans: Contingency plan '.+' — warning sign added: 'Too breathless to finish a sentence'$/),
        expect.stringMatching(/^Contingency and safety plans: Contingency plan '.+' — warning sign changed from '.+' to 'Coughing up green phlegm'$/),
      ]),
    );
  });

  it('notices a new order, and counts every change', () => {
    const from = jill();
    const to = jill();
    to.actions.reverse();
    const sections = diffPlanSnapshots(from, to);
    expect(sections.map((section) => section.title)).toEqual(['Actions']);
    expect(sections[0]?.changes).toEqual([{ kind: 'reordered', text: 'The order of the actions changed' }]);
    expect(countChanges(sections)).toBe(1);
  });
});
