import { addDays, addMonths, endOfMonth } from '../calendar-date';
import { emptyPlanSnapshot } from '../empty-plan-snapshot';
import type { CarePlanSnapshot } from '../plan-snapshot';
import { exampleKit, teamRef } from './example-kit';

/**
 * Jill Marsh — staying well at home (GP practice MDT), from
 * shared/scenarios/jill-copd-at-home.md. `today` is the MDT meeting date; the actions'
 * due dates are counted from it ("within 2 weeks" = 14 days, "this month" = month end).
 * The pendant alarm has no date in the scenario, so it has none here.
 */
export function jillMarshPlan(today: string): CarePlanSnapshot {
  const context = { by: 'Dr Amina Shah', at: `${today}T10:00:00.000Z` };
  const kit = exampleKit(context);
  const plan = emptyPlanSnapshot(context.at);
  const reviewDate = addMonths(today, 3);

  const amina = kit.professional({ name: 'Dr Amina Shah', role: 'GP', speciality: 'General practice', organisation: 'Headingley Medical Centre', sector: 'health', phone: '0113 496 0100', startDate: null });
  const tom = kit.professional({ name: 'Tom Reid', role: 'Practice nurse', speciality: 'COPD', organisation: 'Headingley Medical Centre', sector: 'health', phone: '0113 496 0100' });
  const priya = kit.professional({ name: 'Priya Nair', role: 'Social worker', speciality: 'Adult social care', team: 'Adult social care', organisation: 'Leeds City Council', sector: 'socialCare', isKeyworker: true });
  const sam = kit.professional({ name: 'Sam Okoro', role: 'Occupational therapist', speciality: 'Occupational therapy', team: 'Community occupational therapy', sector: 'health' });
  const helen = kit.professional({ name: 'Helen Wood', role: 'Community pharmacist', speciality: 'Pharmacy', sector: 'health' });
  const karen = kit.personal({
    name: 'Karen Marsh',
    relationship: 'Daughter',
    isCarer: true,
    isNextOfKin: true,
    isEmergencyContact: true,
    phone: '07700 900123',
    carerNeeds: 'Lives 2 miles away and works full time; helps in the evenings and at weekends. Karen is feeling stretched.',
  });

  plan.person = {
    ...plan.person,
    firstName: 'Jill',
    familyName: 'Marsh',
    preferredName: 'Jill',
    dateOfBirth: '1944-03-02',
    nhsNumber: '999 526 0182',
    address: '14 Orchard Row\nLeeds',
    postcode: 'LS6 2QT',
    phone: '0113 496 0001',
    preferredContactMethod: 'phone',
    contactNotes: 'Phone, in the mornings.',
    gpName: 'Dr Amina Shah',
    gpPracticeName: 'Headingley Medical Centre',
    gpPracticeCode: 'B86001',
    accessibilityNeeds: 'Struggles to walk or stand for long (osteoarthritis in both knees).',
  };
  plan.aboutMe = {
    ...plan.aboutMe,
    whatMatters: '"I want to stay in my own home and keep going to my Tuesday lunch club." "I don\'t want to end up in hospital every winter."',
    importantPeople: 'My daughter Karen, who lives two miles away and helps in the evenings and at weekends. My friends at the Tuesday lunch club.',
    goodDays: 'I get to lunch club on Tuesday and manage at home on my own.',
    badDays: 'My chest gets bad and I am more breathless than usual. I am scared of falling.',
    badDayTriggers: 'A chest infection; having to walk or stand for long.',
    howToSupport: 'Phone me in the mornings.',
    selfManagement: 'Using my inhalers properly and knowing when to start my rescue pack (it is in the kitchen drawer).',
    dateUpdated: today,
  };

  const conditionsNeed = kit.need({ text: 'COPD, osteoarthritis in both knees and high blood pressure', domain: 'physicalHealth' });
  const chestNeed = kit.need({ text: 'Ends up in hospital when her chest gets bad in winter', domain: 'physicalHealth' });
  const fallsNeed = kit.need({ text: 'Scared of falling at home; lives alone', domain: 'safetyAndSafeguarding', response: 'adjustment' });
  const walkingNeed = kit.need({ text: 'Struggles to walk or stand for long, so getting to lunch club is exhausting', domain: 'gettingAround', response: 'assistance' });
  const carerNeed = kit.need({ text: 'Karen (daughter, carer) works full time and is feeling stretched', domain: 'carersAndFamily', response: 'assistance' });
  plan.needs = [conditionsNeed, chestNeed, fallsNeed, walkingNeed, carerNeed];
  plan.strengths = [
    kit.strength({ text: 'Lives independently in her own home', domain: 'dailyLiving' }),
    kit.strength({ text: 'Goes to a lunch club every Tuesday', domain: 'relationshipsAndSocial' }),
    kit.strength({ text: 'Her daughter Karen lives nearby and helps', domain: 'carersAndFamily' }),
  ];

  const lunchGoal = kit.goal({
    words: 'Get to lunch club every Tuesday without being exhausted',
    whyItMatters: 'Lunch club is where I see my friends.',
    priority: 'high',
    importance: 9,
    measure: 'Jill gets to lunch club each Tuesday and says she is not exhausted',
    linkedNeedIds: [walkingNeed.id],
    status: 'active',
    steps: kit.steps(['Community transport booked for Tuesdays', 'Start the falls-prevention exercise class']),
  });
  const safeGoal = kit.goal({
    words: 'Feel safe moving around my house',
    whyItMatters: 'I want to stay in my own home.',
    priority: 'high',
    importance: 10,
    measure: 'Rails and a perching stool fitted, a pendant alarm in use, and no falls',
    linkedNeedIds: [fallsNeed.id],
    status: 'active',
    steps: kit.steps(['OT home visit', 'Rails and perching stool fitted', 'Pendant alarm set up']),
  });
  const chestGoal = kit.goal({
    words: 'Know what to do when my chest gets bad',
    whyItMatters: "I don't want to end up in hospital every winter.",
    priority: 'high',
    importance: 8,
    measure: 'Jill can explain her "if my chest gets bad" plan and has her rescue pack at home',
    linkedNeedIds: [conditionsNeed.id, chestNeed.id],
    status: 'active',
    steps: kit.steps(['Inhaler technique checked', 'Rescue pack in the kitchen drawer']),
  });
  plan.goals = [lunchGoal, safeGoal, chestGoal];

  const meeting = kit.meeting({
    date: today,
    type: 'mdt',
    location: 'Headingley Medical Centre',
    chair: 'Dr Amina Shah',
    personAttended: true,
    familyAttended: true,
    informationSharingNoticeRead: true,
    attendees: kit.attendeesFrom([amina, tom, priya, sam, helen], [karen], { name: 'Jill Marsh' }),
    agendaItems: [
      kit.agendaItem({ title: 'Moving around the house safely', situation: 'Jill is scared of falling and lives alone.', decision: 'OT home visit for rails and a perching stool; pendant alarm; falls-prevention class.', personView: 'I want to feel safe in my own home.' }),
      kit.agendaItem({ title: 'When my chest gets bad', situation: 'Jill has been in hospital in past winters.', decision: 'Inhaler technique review and a rescue pack, with a written plan for bad days.', personView: "I don't want to end up in hospital every winter." }),
      kit.agendaItem({ title: 'Getting to lunch club', situation: 'Walking or standing for long is hard.', decision: 'Community transport on Tuesdays.' }),
      kit.agendaItem({ title: "Karen's support", situation: 'Karen works full time and is feeling stretched.', decision: "Offer Karen a carer's assessment." }),
    ],
    nextMeetingDate: reviewDate,
  });
  plan.meetings = [meeting];

  const agreed = { agreedAtMeetingId: meeting.id, checkedBy: teamRef(priya) };
  plan.actions = [
    kit.action({ what: 'OT home visit to fit rails and a perching stool', owner: teamRef(sam), dueDate: addDays(today, 14), goalIds: [safeGoal.id], housePart: 'rightWall', ...agreed }),
    kit.action({ what: 'Inhaler technique review and rescue pack', owner: teamRef(helen), dueDate: addDays(today, 7), goalIds: [chestGoal.id], housePart: 'leftWall', notes: 'Helen Wood with Tom Reid.', ...agreed, checkedBy: teamRef(tom) }),
    kit.action({ what: "Carer's assessment for Karen", owner: teamRef(priya), dueDate: addDays(today, 28), goalIds: [safeGoal.id], housePart: 'leftWall', ...agreed, checkedBy: teamRef(amina) }),
    kit.action({ what: 'Arrange community transport to lunch club on Tuesdays', owner: teamRef(priya), dueDate: addDays(today, 21), goalIds: [lunchGoal.id], housePart: 'foundation', ...agreed, checkedBy: teamRef(amina) }),
    kit.action({ what: 'Refer to a falls-prevention exercise class', owner: teamRef(tom), dueDate: endOfMonth(today), goalIds: [safeGoal.id, lunchGoal.id], housePart: 'foundation', ...agreed }),
    kit.action({ what: 'Arrange a pendant alarm', owner: teamRef(priya), dueDate: null, goalIds: [safeGoal.id], housePart: 'foundation', ...agreed, checkedBy: teamRef(amina) }),
  ];

  plan.professionalContacts = [amina, tom, priya, sam, helen];
  plan.personalContacts = [karen];
  plan.contingencyPlans = [
    kit.contingency({
      name: 'If my chest gets bad',
      triggers: kit.triggers(['More breathless than usual', 'Green or yellow phlegm', 'Fever']),
      whatShouldHappen: 'Start the rescue pack. Call the practice in hours, or NHS 111 out of hours. Call 999 if my lips turn blue or I cannot speak in sentences.',
      contactInHours: 'Headingley Medical Centre: Tom Reid, practice nurse (0113 496 0100). Karen (07700 900123).',
      contactOutOfHours: 'NHS 111. Karen (07700 900123). 999 if my lips turn blue or I cannot speak in sentences.',
      contactIds: [tom.id, karen.id],
      anticipatoryMedicines: 'COPD rescue pack',
      anticipatoryMedicinesLocation: 'Kitchen drawer',
      reviewDate,
      reviewOwner: teamRef(tom),
    }),
  ];
  plan.services = [
    kit.service({ name: 'Tuesday lunch club', kind: 'communityOffer', status: 'active' }),
    kit.service({ name: 'Community transport to lunch club', kind: 'socialPrescribing', provider: 'Arranged by adult social care', status: 'suggested' }),
    kit.service({ name: 'Falls-prevention exercise class', kind: 'referral', status: 'suggested' }),
    kit.service({ name: 'Pendant alarm', kind: 'statutoryService', provider: 'Arranged by adult social care', status: 'suggested' }),
  ];
  plan.consent = {
    ...plan.consent,
    status: 'given',
    legalBasis: 'consent',
    recordedBy: 'Dr Amina Shah',
    recordedOn: today,
    toldWhoIsInTeam: true,
    doNotShare: [kit.doNotShare({ who: 'Her neighbour', reason: 'Jill asked that her neighbour is not told about her plan.' })],
  };
  plan.agreement = {
    ...plan.agreement,
    agreedBy: 'person',
    agreedWithName: 'Jill Marsh',
    agreedWithRole: 'The person',
    agreedOn: today,
    lastUpdated: today,
    reviewDate,
    reviewResponsible: teamRef(priya),
  };
  return plan;
}
