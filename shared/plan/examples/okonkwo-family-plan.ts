import { addDays, addMonths } from '../calendar-date';
import { emptyPlanSnapshot } from '../empty-plan-snapshot';
import type { CarePlanSnapshot } from '../plan-snapshot';
import { exampleKit, teamRef } from './example-kit';

/**
 * The Okonkwo family — family case conference (health, social care and housing), from
 * shared/scenarios/okonkwo-family-case-conference.md. The plan is Grace's. The scenario
 * names the professionals by role only; names here are invented, as is the choice of the
 * family support worker (weekly visits) as keyworker and a three-month review. The family
 * took private time to agree their own plan; their notes stay unshared.
 */
export function okonkwoFamilyPlan(today: string): CarePlanSnapshot {
  const context = { by: 'Sarah Bennett', at: `${today}T10:00:00.000Z` };
  const kit = exampleKit(context);
  const plan = emptyPlanSnapshot(context.at);
  const reviewDate = addMonths(today, 3);

  const sarah = kit.professional({ name: 'Sarah Bennett', role: 'Health visitor', speciality: 'Health visiting', sector: 'health' });
  const michael = kit.professional({ name: 'Dr Michael Osei', role: 'GP', speciality: 'General practice', sector: 'health' });
  const rachel = kit.professional({ name: 'Rachel Moore', role: 'Perinatal mental health nurse', speciality: 'Perinatal mental health', sector: 'health' });
  const lucy = kit.professional({ name: 'Lucy Evans', role: 'Family support worker', sector: 'socialCare', isKeyworker: true });
  const kevin = kit.professional({ name: 'Kevin Doyle', role: 'Housing officer', organisation: 'Bristol City Council', sector: 'housing' });
  const janet = kit.professional({ name: 'Janet Hughes', role: 'School attendance officer', sector: 'education' });
  const imran = kit.professional({ name: 'Imran Malik', role: 'Welfare rights adviser', sector: 'voluntary' });
  const ada = kit.personal({ name: 'Ada Okonkwo', relationship: 'Sister', comments: 'Came to the conference to support Grace.' });
  const daniel = kit.personal({ name: 'Daniel Okonkwo', relationship: 'Son (12)' });
  const joy = kit.personal({ name: 'Joy Okonkwo', relationship: 'Daughter (7)' });
  const samuel = kit.personal({ name: 'Samuel Okonkwo', relationship: 'Son (4 months)' });

  plan.person = {
    ...plan.person,
    firstName: 'Grace',
    familyName: 'Okonkwo',
    preferredName: 'Grace',
    nhsNumber: '999 016 6137',
    address: '22 Harbour Court\nBristol\n(temporary accommodation)',
    postcode: 'BS2 0JJ',
  };
  plan.aboutMe = {
    ...plan.aboutMe,
    whatMatters: '"A dry home for my kids." "To feel like myself again."',
    importantPeople: 'My children Daniel (12), Joy (7) and Samuel (4 months). My partner, who works nights on a zero-hours contract. My sister Ada.',
    alsoWorthKnowing: 'We live in one damp bedroom in temporary accommodation.',
    dateUpdated: today,
  };

  const housingNeed = kit.need({ text: 'Temporary accommodation: damp, one bedroom for a family of five', domain: 'homeAndHousing', response: 'advocacy' });
  const asthmaNeed = kit.need({ text: "Joy's asthma is made worse by the damp", domain: 'physicalHealth', response: 'alignment' });
  const moodNeed = kit.need({ text: 'Grace has postnatal depression', domain: 'mentalWellbeing' });
  const schoolNeed = kit.need({ text: 'Daniel is missing school', domain: 'workEducationVolunteering', response: 'assistance' });
  const moneyNeed = kit.need({ text: "Rent arrears; Grace's partner works nights on a zero-hours contract", domain: 'moneyAndBenefits', response: 'assistance' });
  const safetyNeed = kit.need({ text: "Samuel's safety (agency bottom line)", domain: 'safetyAndSafeguarding' });
  plan.needs = [housingNeed, asthmaNeed, moodNeed, schoolNeed, moneyNeed, safetyNeed];
  plan.strengths = [
    kit.strength({ text: 'Grace wants a safe, dry home for her children', domain: 'carersAndFamily' }),
    kit.strength({ text: 'Her sister Ada supports her', domain: 'relationshipsAndSocial' }),
    kit.strength({ text: 'The family made their own plan in family time', domain: 'carersAndFamily' }),
  ];

  const homeGoal = kit.goal({ words: 'A dry home for my kids', measure: 'The family has moved to a dry home, or the damp is repaired', linkedNeedIds: [housingNeed.id, asthmaNeed.id], status: 'active', steps: kit.steps(['Priority transfer application', 'Damp repair while we wait']) });
  const selfGoal = kit.goal({ words: 'To feel like myself again', linkedNeedIds: [moodNeed.id], status: 'active', steps: kit.steps(['See the perinatal mental health nurse']) });
  const schoolGoal = kit.goal({ words: 'Daniel back at school every day', measure: "Daniel's attendance, as the attendance plan sets out", linkedNeedIds: [schoolNeed.id], status: 'active' });
  const moneyGoal = kit.goal({ words: 'Get on top of the rent arrears', linkedNeedIds: [moneyNeed.id], status: 'active', steps: kit.steps(['Benefits check', 'Arrears plan agreed']) });
  plan.goals = [homeGoal, selfGoal, schoolGoal, moneyGoal];

  const attendancePlan = kit.supportPlan({
    name: 'School attendance plan for Daniel',
    content: 'How Daniel will get back to school every day, and the support the school and family will give.',
    reviewDate: addDays(today, 42),
    reviewOwner: teamRef(janet),
    lastUpdated: today,
  });
  plan.supportPlans = [attendancePlan];

  const meeting = kit.meeting({
    date: today,
    type: 'familyGroupConference',
    chair: 'Sarah Bennett',
    personAttended: true,
    familyAttended: true,
    informationSharingNoticeRead: true,
    attendees: kit.attendeesFrom([sarah, michael, rachel, lucy, kevin, janet, imran], [ada], { name: 'Grace Okonkwo' }),
    agendaItems: [
      kit.agendaItem({ title: 'Housing', situation: 'Damp one-bedroom temporary accommodation; Joy\'s asthma is worse.', decision: 'Priority transfer and damp repair.', personView: 'A dry home for my kids.' }),
      kit.agendaItem({ title: 'Money', situation: 'Rent arrears; partner on a zero-hours contract.', decision: 'Benefits check and an arrears plan.' }),
      kit.agendaItem({ title: 'Health', decision: "Asthma review for Joy; perinatal mental health support for Grace.", personView: 'To feel like myself again.' }),
      kit.agendaItem({ title: 'School', situation: 'Daniel is missing school.', decision: 'Attendance plan for Daniel.', bottomLines: 'School attendance.' }),
      kit.agendaItem({ title: "The family's plan", situation: 'The family asked for 20 minutes alone to agree their own plan, then presented it.', decision: "Professionals checked the family's plan against their bottom lines.", bottomLines: "Samuel's safety. School attendance." }),
    ],
    privateFamilyTime: 'Twenty minutes of private family time. The family keep their own notes.',
    privateFamilyTimeShared: false,
    planAgreement: "The family presented their plan; professionals checked it against their bottom lines (Samuel's safety, school attendance) and agreed it.",
    nextMeetingDate: reviewDate,
  });
  plan.meetings = [meeting];

  const agreed = { agreedAtMeetingId: meeting.id, checkedBy: teamRef(lucy) };
  plan.actions = [
    kit.action({ what: 'Priority transfer application', owner: teamRef(kevin), dueDate: addDays(today, 14), goalIds: [homeGoal.id], housePart: 'foundation', ...agreed }),
    kit.action({ what: 'Damp repair in the current flat', owner: teamRef(kevin), dueDate: addDays(today, 21), goalIds: [homeGoal.id], housePart: 'foundation', ...agreed }),
    kit.action({ what: 'Benefits check', owner: teamRef(imran), dueDate: addDays(today, 14), goalIds: [moneyGoal.id], housePart: 'foundation', ...agreed }),
    kit.action({ what: 'Rent arrears plan', owner: teamRef(imran), dueDate: addDays(today, 28), goalIds: [moneyGoal.id], housePart: 'foundation', ...agreed }),
    kit.action({ what: 'Asthma review for Joy', owner: teamRef(michael), dueDate: addDays(today, 14), goalIds: [homeGoal.id], housePart: 'rightWall', ...agreed }),
    kit.action({ what: 'Perinatal mental health assessment and support for Grace', owner: teamRef(rachel), dueDate: addDays(today, 7), goalIds: [selfGoal.id], housePart: 'rightWall', ...agreed }),
    kit.action({ what: 'Attendance plan for Daniel', owner: teamRef(janet), dueDate: addDays(today, 7), goalIds: [schoolGoal.id], housePart: 'centre', ...agreed }),
    kit.action({ what: 'Weekly family support visits', owner: teamRef(lucy), dueDate: addDays(today, 7), goalIds: [selfGoal.id, schoolGoal.id], housePart: 'leftWall', ...agreed, checkedBy: teamRef(sarah) }),
  ];

  plan.professionalContacts = [sarah, michael, rachel, lucy, kevin, janet, imran];
  plan.personalContacts = [ada, daniel, joy, samuel];
  plan.contingencyPlans = [
    kit.contingency({
      name: 'If Joy has an asthma attack',
      triggers: kit.triggers(["Joy's asthma getting worse (damp makes it worse)"]),
      whatShouldHappen: "Follow Joy's asthma plan; call the GP practice in hours, NHS 111 out of hours, 999 in an emergency.",
      contactInHours: 'GP practice: Dr Michael Osei.',
      contactOutOfHours: 'NHS 111; 999 in an emergency.',
      contactIds: [michael.id],
      reviewDate,
      reviewOwner: teamRef(michael),
    }),
  ];
  plan.services = [
    kit.service({ name: 'Housing priority transfer', kind: 'statutoryService', provider: 'Bristol City Council housing', status: 'referred' }),
    kit.service({ name: 'Welfare rights advice', kind: 'communityOffer', provider: 'Voluntary sector welfare rights service', status: 'active' }),
    kit.service({ name: 'Perinatal mental health service', kind: 'referral', status: 'referred' }),
    kit.service({ name: 'Family support (weekly visits)', kind: 'statutoryService', status: 'active' }),
  ];
  plan.consent = {
    ...plan.consent,
    status: 'given',
    legalBasis: 'consent',
    legalBasisNotes: 'Grace consents to sharing among the conference members.',
    recordedBy: 'Sarah Bennett',
    recordedOn: today,
    toldWhoIsInTeam: true,
    sharingScopes: [
      kit.sharingScope({ who: 'School', description: 'The school sees only the attendance plan.', sections: ['supportPlans'], itemIds: [attendancePlan.id] }),
    ],
  };
  plan.agreement = {
    ...plan.agreement,
    agreedBy: 'person',
    agreedWithName: 'Grace Okonkwo',
    agreedWithRole: 'The person (mother)',
    agreedOn: today,
    lastUpdated: today,
    reviewDate,
    reviewResponsible: teamRef(sarah),
  };
  return plan;
}
