import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  buildExamplePlan,
  checkPlanDocShape,
  examplePlanNames,
  isLive,
  listBlockingProblems,
  readPlanSnapshot,
  summarisePlan,
  validatePlan,
  type CarePlanSnapshot,
  type PersonRef,
} from '../../../shared/plan';

const today = '2026-03-10';

function load(name: (typeof examplePlanNames)[number]): { doc: Y.Doc; plan: CarePlanSnapshot } {
  const doc = new Y.Doc();
  buildExamplePlan(name, doc, { today });
  return { doc, plan: readPlanSnapshot(doc) };
}

function ownerName(plan: CarePlanSnapshot, ref: PersonRef | null): string {
  if (ref === null) return '';
  if (ref.kind === 'person') return 'the person';
  const list = ref.kind === 'careTeam' ? plan.professionalContacts : plan.personalContacts;
  return list.find((contact) => contact.id === ref.contactId)?.name ?? '?';
}

describe('example plans', () => {
  it('are well-formed documents with no blocking problems', () => {
    expect(examplePlanNames).toEqual(['jill', 'amir', 'okonkwo']);
    for (const name of examplePlanNames) {
      const { doc, plan } = load(name);
      expect(checkPlanDocShape(doc), name).toEqual([]);
      expect(listBlockingProblems(plan), name).toEqual([]);
      // Every link points at something in the plan.
      const ids = new Set([...plan.goals, ...plan.needs, ...plan.meetings, ...plan.professionalContacts, ...plan.personalContacts, ...plan.supportPlans].map((item) => item.id));
      for (const action of plan.actions) {
        expect(action.goalIds.every((id) => ids.has(id)), name).toBe(true);
        expect(action.agreedAtMeetingId !== null && ids.has(action.agreedAtMeetingId), name).toBe(true);
      }
      for (const goal of plan.goals) expect(goal.linkedNeedIds.every((id) => ids.has(id)), name).toBe(true);
      expect(validatePlan(plan).every((problem) => !problem.blocking)).toBe(true);
    }
  });

  it("holds Jill's plan as the scenario tells it", () => {
    const { doc, plan } = load('jill');
    expect(summarisePlan(doc, today)).toEqual({ personName: 'Jill Marsh', nhsNumber: '999 526 0182', keyworker: 'Priya Nair', reviewDate: '2026-06-10' });
    expect(plan.person).toMatchObject({ dateOfBirth: '1944-03-02', postcode: 'LS6 2QT', phone: '0113 496 0001', preferredContactMethod: 'phone', gpPracticeCode: 'B86001', gpName: 'Dr Amina Shah' });
    expect(plan.goals.map((goal) => [goal.words, goal.importance])).toEqual([
      ['Get to lunch club every Tuesday without being exhausted', 9],
      ['Feel safe moving around my house', 10],
      ['Know what to do when my chest gets bad', 8],
    ]);
    expect(plan.actions.map((action) => [action.what, ownerName(plan, action.owner), action.dueDate])).toEqual([
      ['OT home visit to fit rails and a perching stool', 'Sam Okoro', '2026-03-24'],
      ['Inhaler technique review and rescue pack', 'Helen Wood', '2026-03-17'],
      ["Carer's assessment for Karen", 'Priya Nair', '2026-04-07'],
      ['Arrange community transport to lunch club on Tuesdays', 'Priya Nair', '2026-03-31'],
      ['Refer to a falls-prevention exercise class', 'Tom Reid', '2026-03-31'],
      ['Arrange a pendant alarm', 'Priya Nair', null],
    ]);
    expect(plan.personalContacts[0]).toMatchObject({ name: 'Karen Marsh', isCarer: true, isNextOfKin: true, isEmergencyContact: true, phone: '07700 900123' });
    const chest = plan.contingencyPlans[0];
    expect(chest?.triggers.map((trigger) => trigger.text)).toEqual(['More breathless than usual', 'Green or yellow phlegm', 'Fever']);
    expect(chest?.anticipatoryMedicinesLocation).toBe('Kitchen drawer');
    expect(chest?.contactIds.map((id) => [...plan.professionalContacts, ...plan.personalContacts].find((c) => c.id === id)?.name).sort()).toEqual(['Karen Marsh', 'Tom Reid']);
    expect(plan.consent.status).toBe('given');
    expect(plan.consent.doNotShare.map((entry) => entry.who)).toEqual(['Her neighbour']);
    expect(ownerName(plan, plan.agreement.reviewResponsible)).toBe('Priya Nair');
    expect(plan.meetings[0]?.attendees.map((attendee) => attendee.name)).toEqual(['Jill Marsh', 'Dr Amina Shah', 'Tom Reid', 'Priya Nair', 'Sam Okoro', 'Helen Wood', 'Karen Marsh']);
  });

  it("records Amir's keyworker handover at 18 and his consent", () => {
    const { doc, plan } = load('amir');
    expect(summarisePlan(doc, '2027-05-18').keyworker).toBe('Nadia Hussain');
    expect(summarisePlan(doc, '2027-05-19').keyworker).toBe('Owen Price');
    expect(plan.person.nhsNumber).toBe('999 159 0838');
    expect(plan.consent.doNotShare.map((entry) => [entry.who, entry.reason])).toEqual([["Amir's father", 'No contact order.']]);
    expect(plan.contingencyPlans[0]?.triggers[0]?.text).toBe('A seizure lasting more than 5 minutes');
    expect(plan.contingencyPlans[0]?.anticipatoryMedicinesLocation).toBe("In Amir's bag");
    expect(new Set(plan.needs.map((need) => need.domain))).toEqual(
      new Set(['physicalHealth', 'mentalWellbeing', 'workEducationVolunteering', 'moneyAndBenefits', 'homeAndHousing', 'relationshipsAndSocial', 'carersAndFamily', 'safetyAndSafeguarding', 'legalMatters']),
    );
  });

  it("keeps the Okonkwo family's school limited to the attendance plan, and their family time private", () => {
    const { plan } = load('okonkwo');
    const scope = plan.consent.sharingScopes[0];
    const attendance = plan.supportPlans.find((entry) => entry.name === 'School attendance plan for Daniel');
    expect(scope).toMatchObject({ who: 'School', sections: ['supportPlans'], itemIds: [attendance?.id] });
    const meeting = plan.meetings[0];
    expect(meeting).toMatchObject({ type: 'familyGroupConference', chair: 'Sarah Bennett', privateFamilyTimeShared: false });
    expect(meeting?.agendaItems.some((item) => item.bottomLines.includes("Samuel's safety"))).toBe(true);
    expect(plan.actions.filter(isLive)).toHaveLength(8);
  });

  it('refuses a date that does not exist', () => {
    expect(() => buildExamplePlan('jill', new Y.Doc(), { today: '2026-02-30' })).toThrow(/does not exist/);
  });
});
