import { addDays, addMonths } from '../calendar-date';
import { emptyPlanSnapshot } from '../empty-plan-snapshot';
import type { CarePlanSnapshot } from '../plan-snapshot';
import { exampleKit, teamRef } from './example-kit';

/** The day Amir turns 18 and moves to adult services (born 2009-05-19). */
export const amirEighteenthBirthday = '2027-05-19';

/**
 * Amir Hassan — moving into adult services (transition MDT), from
 * shared/scenarios/amir-transition-to-adult-services.md. The scenario names the team by
 * role only; the names here are invented (as every name in the scenarios is). The
 * keyworker is handed over on his 18th birthday: the children's social worker holds it
 * until the day before, the adults' transitions social worker from that day. Actions are
 * the ones the listed needs call for; goal importance is left for Amir to give.
 */
export function amirHassanPlan(today: string): CarePlanSnapshot {
  const context = { by: 'Beth Carter', at: `${today}T10:00:00.000Z` };
  const kit = exampleKit(context);
  const plan = emptyPlanSnapshot(context.at);
  const reviewDate = addMonths(today, 3);

  const beth = kit.professional({ name: 'Beth Carter', role: 'Transition nurse', speciality: "Children's community nursing", sector: 'health' });
  const marcus = kit.professional({ name: 'Marcus Lee', role: 'Learning disability nurse', speciality: 'Adult learning disability nursing', sector: 'health' });
  const fiona = kit.professional({ name: 'Dr Fiona Grant', role: 'Paediatric neurologist', speciality: 'Paediatric neurology', sector: 'health' });
  const rajesh = kit.professional({ name: 'Dr Rajesh Patel', role: 'Neurologist', speciality: 'Adult neurology', sector: 'health' });
  const nadia = kit.professional({
    name: 'Nadia Hussain',
    role: 'Social worker',
    speciality: "Children's social care",
    team: "Children's social care",
    sector: 'socialCare',
    isKeyworker: true,
    keyworkerUntil: addDays(amirEighteenthBirthday, -1),
  });
  const owen = kit.professional({
    name: 'Owen Price',
    role: 'Social worker',
    speciality: 'Adult social care',
    team: 'Transitions team',
    sector: 'socialCare',
    isKeyworker: true,
    keyworkerFrom: amirEighteenthBirthday,
  });
  const claire = kit.professional({ name: 'Claire Dobson', role: 'SENCO', team: 'Learning support', organisation: 'College', sector: 'education' });
  const jamal = kit.professional({ name: 'Jamal Ahmed', role: 'Careers adviser', sector: 'education' });
  const leila = kit.personal({
    name: 'Leila Hassan',
    relationship: 'Mother',
    isCarer: true,
    isNextOfKin: true,
    isEmergencyContact: true,
    carerNeeds: "Leila's own needs as Amir's carer, as he moves to adult services.",
  });
  const currentKeyworker = today < amirEighteenthBirthday ? nadia : owen;

  plan.person = {
    ...plan.person,
    firstName: 'Amir',
    familyName: 'Hassan',
    preferredName: 'Amir',
    dateOfBirth: '2009-05-19',
    nhsNumber: '999 159 0838',
    address: '3 Canal Street\nSalford',
    postcode: 'M5 4WT',
    preferredContactMethod: 'textMessage',
    contactNotes: 'Prefers messages to phone calls. Needs extra time to answer.',
    communicationNeeds: 'Communicates with speech, and with a tablet app when tired. Needs extra time to answer. Talk to Amir, not to his mum.',
    accessibilityNeeds: 'Uses a powered wheelchair.',
  };
  plan.aboutMe = {
    ...plan.aboutMe,
    whatMatters: '"I want to go to college and get a job like my friends." "People should talk to me, not to my mum."',
    importantPeople: 'My mum Leila and my two younger sisters, who I live with. My friends at college.',
    communication: 'I talk, and use my tablet app when I am tired. Give me extra time to answer. Send me a message rather than phoning.',
    pleaseDo: 'Talk to me, not to my mum. Give me time to answer.',
    pleaseDont: "Don't phone me: send me a message.",
    alsoWorthKnowing: 'I have cerebral palsy, epilepsy and anxiety. I am studying Level 2 IT at college.',
    dateUpdated: today,
  };

  const seizureNeed = kit.need({ text: 'Epilepsy: a seizure plan that works at home and at college', domain: 'physicalHealth' });
  const neuroNeed = kit.need({ text: 'Handover from paediatric to adult neurology', domain: 'physicalHealth' });
  const anxietyNeed = kit.need({ text: 'Anxiety', domain: 'mentalWellbeing' });
  const workNeed = kit.need({ text: 'Finishing college (Level 2 IT) and finding a part-time job', domain: 'workEducationVolunteering', response: 'assistance' });
  const moneyNeed = kit.need({ text: 'Benefits at 18: PIP application', domain: 'moneyAndBenefits', response: 'assistance' });
  const housingNeed = kit.need({ text: 'Housing adaptations for his powered wheelchair', domain: 'homeAndHousing', response: 'assistance' });
  const socialNeed = kit.need({ text: 'Keeping in touch with friends', domain: 'relationshipsAndSocial', response: 'awareness' });
  const carerNeed = kit.need({ text: "Leila's own needs as his carer", domain: 'carersAndFamily', response: 'assistance' });
  const coordinatorNeed = kit.need({ text: "Loses his children's services care coordinator when he turns 18", domain: 'safetyAndSafeguarding', response: 'alignment' });
  const legalNeed = kit.need({ text: 'Mental capacity is presumed: Amir decides who sees his plan', domain: 'legalMatters', response: 'advocacy' });
  plan.needs = [seizureNeed, neuroNeed, anxietyNeed, workNeed, moneyNeed, housingNeed, socialNeed, carerNeed, coordinatorNeed, legalNeed];
  plan.strengths = [
    kit.strength({ text: 'At college studying Level 2 IT', domain: 'workEducationVolunteering' }),
    kit.strength({ text: 'Knows what he wants and says so', domain: 'legalMatters' }),
    kit.strength({ text: 'Uses a tablet app to communicate when tired', domain: 'dailyLiving' }),
  ];

  const collegeGoal = kit.goal({
    words: 'Go to college and get a job like my friends',
    whyItMatters: 'I want the same things as my friends.',
    measure: 'Amir finishes his Level 2 IT course and has a part-time job',
    linkedNeedIds: [workNeed.id, moneyNeed.id],
    status: 'active',
    steps: kit.steps(['Careers appointment', 'Look for part-time work that fits college']),
  });
  const voiceGoal = kit.goal({
    words: 'People talk to me, not to my mum',
    whyItMatters: 'It is my life and my plan.',
    measure: 'Amir says people in meetings and appointments talk to him',
    linkedNeedIds: [legalNeed.id],
    status: 'active',
  });
  const healthGoal = kit.goal({
    words: 'Keep my epilepsy care going when I move to adult services',
    measure: 'Adult neurology appointment booked before he turns 18; seizure plan shared with college',
    linkedNeedIds: [seizureNeed.id, neuroNeed.id, coordinatorNeed.id],
    status: 'active',
  });
  plan.goals = [collegeGoal, voiceGoal, healthGoal];

  const meeting = kit.meeting({
    date: today,
    type: 'mdt',
    personAttended: true,
    familyAttended: true,
    informationSharingNoticeRead: true,
    attendees: kit.attendeesFrom([beth, marcus, fiona, rajesh, nadia, owen, claire, jamal], [leila], { name: 'Amir Hassan' }),
    agendaItems: [
      kit.agendaItem({ title: 'Moving to adult services at 18', decision: `Keyworker moves from Nadia Hussain (children's) to Owen Price (adults' transitions team) on ${amirEighteenthBirthday}.`, personView: 'People should talk to me, not to my mum.' }),
      kit.agendaItem({ title: 'Epilepsy and neurology handover', decision: 'Referral to adult neurology; seizure plan shared with college.' }),
      kit.agendaItem({ title: 'College, work and money', decision: 'Careers advice for part-time work; PIP application at 18.', personView: 'I want to go to college and get a job like my friends.' }),
    ],
    nextMeetingDate: reviewDate,
  });
  plan.meetings = [meeting];

  const agreed = { agreedAtMeetingId: meeting.id, checkedBy: teamRef(currentKeyworker) };
  plan.actions = [
    kit.action({ what: 'Refer Amir to adult neurology and send a handover letter', owner: teamRef(fiona), dueDate: addDays(today, 28), goalIds: [healthGoal.id], housePart: 'rightWall', ...agreed }),
    kit.action({ what: 'Share the seizure plan with the college first-aider', owner: teamRef(beth), dueDate: addDays(today, 7), goalIds: [healthGoal.id], housePart: 'centre', ...agreed }),
    kit.action({ what: 'Plan the keyworker handover meeting with Amir', owner: teamRef(nadia), dueDate: addDays(amirEighteenthBirthday, -28), goalIds: [healthGoal.id, voiceGoal.id], housePart: 'roof', ...agreed }),
    kit.action({ what: 'Help Amir apply for PIP at 18', owner: teamRef(owen), dueDate: amirEighteenthBirthday, goalIds: [collegeGoal.id], housePart: 'foundation', ...agreed }),
    kit.action({ what: 'Careers appointment about part-time work', owner: teamRef(jamal), dueDate: addDays(today, 21), goalIds: [collegeGoal.id], housePart: 'foundation', ...agreed }),
    kit.action({ what: 'Assessment for housing adaptations', owner: teamRef(owen), dueDate: addDays(today, 56), goalIds: [], housePart: 'foundation', ...agreed }),
    kit.action({ what: "Carer's assessment for Leila", owner: teamRef(owen), dueDate: addDays(today, 42), goalIds: [], housePart: 'leftWall', ...agreed }),
  ];

  plan.professionalContacts = [beth, marcus, fiona, rajesh, nadia, owen, claire, jamal];
  plan.personalContacts = [leila];
  plan.contingencyPlans = [
    kit.contingency({
      name: 'If I have a seizure',
      triggers: kit.triggers(['A seizure lasting more than 5 minutes']),
      whatShouldHappen: 'Give buccal medication (kept in his bag) and call 999.',
      contactInHours: 'Leila (mum). At college: the college first-aider.',
      contactOutOfHours: 'Leila (mum). 999 for a seizure lasting more than 5 minutes.',
      contactIds: [leila.id],
      anticipatoryMedicines: 'Buccal medication for seizures',
      anticipatoryMedicinesLocation: "In Amir's bag",
      reviewDate,
      reviewOwner: teamRef(beth),
    }),
  ];
  plan.supportPlans = [
    kit.supportPlan({
      name: 'Transition to adult services',
      content: `Until ${addDays(amirEighteenthBirthday, -1)}: keyworker Nadia Hussain (children's social care), Dr Fiona Grant (paediatric neurology), Beth Carter (transition nurse).\nFrom ${amirEighteenthBirthday}: keyworker Owen Price (adults' transitions team), Dr Rajesh Patel (adult neurology), Marcus Lee (adult learning disability nurse).`,
      reviewDate,
      reviewOwner: teamRef(currentKeyworker),
      lastUpdated: today,
    }),
  ];
  plan.services = [
    kit.service({ name: 'Adult neurology', kind: 'referral', status: 'suggested' }),
    kit.service({ name: 'Careers advice', kind: 'statutoryService', provider: 'Careers service', status: 'active' }),
    kit.service({ name: 'Personal Independence Payment (PIP) application', kind: 'statutoryService', status: 'suggested' }),
  ];
  plan.consent = {
    ...plan.consent,
    status: 'given',
    legalBasis: 'consent',
    legalBasisNotes: 'Amir consents to sharing with health, social care and college. Mental capacity is presumed; Amir decides who sees his plan.',
    recordedBy: 'Beth Carter',
    recordedOn: today,
    toldWhoIsInTeam: true,
    doNotShare: [kit.doNotShare({ who: "Amir's father", reason: 'No contact order.' })],
  };
  plan.agreement = {
    ...plan.agreement,
    agreedBy: 'person',
    agreedWithName: 'Amir Hassan',
    agreedWithRole: 'The person',
    agreedOn: today,
    lastUpdated: today,
    reviewDate,
    reviewResponsible: teamRef(currentKeyworker),
  };
  return plan;
}
