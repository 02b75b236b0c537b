import { describe, expect, it } from 'vitest';
import { examplePlanSnapshot, planSectionKeys, type PersonRef } from '../../../shared/plan';
import { linkOptionsFor } from '../../../renderer/views/fields/link-options';
import { decodePersonRef, describePersonRef, encodePersonRef, personRefOptions } from '../../../renderer/views/fields/person-ref-options';

const plan = examplePlanSnapshot('jill', { today: '2026-11-23' });

describe('who-fields', () => {
  it('round-trips every kind of person through the select value', () => {
    const refs: PersonRef[] = [{ kind: 'person' }, { kind: 'careTeam', contactId: 'abc123' }, { kind: 'personalContact', contactId: 'def456' }];
    for (const ref of refs) expect(decodePersonRef(encodePersonRef(ref))).toEqual(ref);
    expect(encodePersonRef(null)).toBe('');
    expect(decodePersonRef('')).toBeNull();
    expect(decodePersonRef('somebody:else')).toBeNull();
  });

  it('offers the person, the care team with roles and the family with relationships', () => {
    const groups = personRefOptions(plan, null);
    expect(groups.map((group) => group.label)).toEqual(['The person', 'Care team', 'Family, friends and carers']);
    expect(groups[0]?.options[0]?.label).toBe('Jill Marsh (the person)');
    expect(groups[1]?.options.map((option) => option.label)).toContain('Priya Nair (Social worker)');
    expect(groups[2]?.options.map((option) => option.label)).toEqual(['Karen Marsh (Daughter)']);
  });

  it('keeps a removed team member who is still chosen, marked, and hides the others', () => {
    const copy = structuredClone(plan);
    const priya = copy.professionalContacts.find((contact) => contact.name === 'Priya Nair');
    const tom = copy.professionalContacts.find((contact) => contact.name === 'Tom Reid');
    if (!priya || !tom) throw new Error('Jill has Priya and Tom');
    priya.removedAt = '2026-11-24T10:00:00.000Z';
    tom.removedAt = '2026-11-24T10:00:00.000Z';
    const chosen: PersonRef = { kind: 'careTeam', contactId: priya.id };
    const team = personRefOptions(copy, chosen)[1]?.options.map((option) => option.label) ?? [];
    expect(team).toContain('Priya Nair (Social worker) — removed from the plan');
    expect(team.some((label) => label.startsWith('Tom Reid'))).toBe(false);
    expect(describePersonRef(copy, chosen)).toBe('Priya Nair (Social worker) — removed from the plan');
  });
});

describe('link fields', () => {
  it('offers goals for an action, needs for a goal, contacts for a contingency plan and sections for a sharing limit', () => {
    expect(linkOptionsFor('actions[].goalIds', plan, [])?.map((option) => option.label)).toEqual(plan.goals.map((goal) => goal.words));
    expect(linkOptionsFor('goals[].linkedNeedIds', plan, [])).toHaveLength(plan.needs.length);
    expect(linkOptionsFor('contingencyPlans[].contactIds', plan, [])).toHaveLength(plan.professionalContacts.length + plan.personalContacts.length);
    expect(linkOptionsFor('consent.sharingScopes[].sections', plan, [])?.map((option) => option.value)).toEqual([...planSectionKeys]);
    expect(linkOptionsFor('actions[].agreedAtMeetingId', plan, [])?.[0]?.label).toBe('Meeting 1 on 23 Nov 2026');
    expect(linkOptionsFor('person.firstName', plan, [])).toBeNull();
  });
});
