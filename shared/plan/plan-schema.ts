import type {
  AboutMe,
  Action,
  AdvanceDecision,
  AgendaItem,
  Agreement,
  Consent,
  ContingencyPlan,
  ContingencyTrigger,
  DoNotShareEntry,
  Goal,
  GoalStep,
  LastingPowerOfAttorney,
  Meeting,
  MeetingApology,
  MeetingAttendee,
  Need,
  PersonDetails,
  PersonalContact,
  ProfessionalContact,
  ProgressScore,
  SharingScope,
  Strength,
  SupportPlan,
  SupportService,
} from './plan-snapshot';
import {
  actionStatuses,
  agreedByKinds,
  careSectors,
  consentStatuses,
  contactMethods,
  goalPriorities,
  goalStatuses,
  houseParts,
  lifeDomains,
  lpaKinds,
  meetingTypes,
  sharingLegalBases,
  socialNeedResponses,
  supportServiceKinds,
  supportServiceStatuses,
} from './plan-snapshot';
import type {
  ChoiceFieldSpec,
  CollectionFieldSpec,
  DateFieldSpec,
  FieldSpecs,
  FieldSpecsFor,
  FlagFieldSpec,
  IdSetFieldSpec,
  IntegerFieldSpec,
  ItemRefFieldSpec,
  PersonRefFieldSpec,
  TextFieldSpec,
} from './field-spec';

/**
 * THE PLAN DOCUMENT LAYOUT (schema version 2). See docs/plan-document.md.
 *
 * Every section of the care plan is its own ROOT shared type on the Y.Doc, named by the
 * section key below, so main can attribute each update to the sections it touched (the
 * root it lands in) for provenance and audit. All roots are Y.Maps:
 *
 *   meta                  Y.Map  schemaVersion (number), createdAt (ISO date-time)
 *   person, aboutMe,      Y.Map  one key per field (record sections)
 *   consent, agreement
 *   strengths, needs,     Y.Map  item id -> item Y.Map (collection sections)
 *   goals, actions, ...
 *
 * An item Y.Map holds its fields plus bookkeeping: position (fractional order key),
 * createdAt, createdBy, removedAt, removedBy. Its id is its key in the parent map.
 * Sub-collections (goal steps, triggers, agenda items...) have the same shape, nested.
 *
 * Why items keyed by id with a `position` rather than a Y.Array: moving an item only
 * rewrites its position, so a concurrent edit to any of its fields is never lost (a
 * Y.Array move is delete + re-insert, which drops the other person's edits to the
 * moved copy and duplicates the item when two people move it at once). Links between
 * items (action -> goals, goal -> needs, owner -> contact) are by id and survive
 * reordering.
 *
 * Every Y.Text and nested container of an item is created with the item, never lazily:
 * two peers lazily creating the same key would each make their own Y.Text and one
 * person's typing would be lost when the maps merge.
 *
 * Provenance (care-plan.md section 11) is not stored in the document: main records who
 * sent each update and which roots it touched, which answers "who wrote this?".
 */

/** Character limits shared by many fields; a 300,000-character paste fits none of them. */
export const textLimits = {
  name: 200,
  code: 20,
  phone: 60,
  email: 254,
  short: 1_000,
  text: 5_000,
  long: 20_000,
} as const;

/** At most this many items in any one collection (a hostile peer cannot bloat the plan). */
export const collectionLimits = {
  small: 50,
  medium: 200,
  large: 1_000,
} as const;

function text(label: string, maxLength: number = textLimits.text): TextFieldSpec {
  return { kind: 'text', label, maxLength };
}
function date(label: string): DateFieldSpec {
  return { kind: 'date', label };
}
function choice(label: string, values: readonly string[], fallback: string | null = null): ChoiceFieldSpec {
  return { kind: 'choice', label, values, fallback };
}
function integer(label: string, min: number, max: number): IntegerFieldSpec {
  return { kind: 'integer', label, min, max };
}
function flag(label: string): FlagFieldSpec {
  return { kind: 'flag', label };
}
function personRef(label: string): PersonRefFieldSpec {
  return { kind: 'personRef', label };
}
function itemRef(label: string): ItemRefFieldSpec {
  return { kind: 'itemRef', label };
}
function idSet(label: string, maxItems: number = collectionLimits.medium, allowed?: readonly string[]): IdSetFieldSpec {
  return allowed ? { kind: 'idSet', label, maxItems, allowed } : { kind: 'idSet', label, maxItems };
}
function collection(label: string, itemLabel: string, maxItems: number, fields: FieldSpecs): CollectionFieldSpec {
  return { kind: 'collection', label, itemLabel, maxItems, fields };
}

export const personFields = {
  firstName: text('First name', textLimits.name),
  familyName: text('Family name', textLimits.name),
  preferredName: text('Preferred name', textLimits.name),
  dateOfBirth: date('Date of birth'),
  nhsNumber: text('NHS number', textLimits.code),
  otherIdentifier: text('Other identifier', textLimits.name),
  address: text('Address', textLimits.short),
  postcode: text('Postcode', textLimits.code),
  phone: text('Phone', textLimits.phone),
  email: text('Email', textLimits.email),
  preferredContactMethod: choice('Preferred way to be contacted', contactMethods),
  contactNotes: text('When and how to contact', textLimits.short),
  gpName: text('GP', textLimits.name),
  gpPracticeName: text('GP practice', textLimits.name),
  gpPracticeCode: text('GP practice code', textLimits.code),
  communicationNeeds: text('Communication needs'),
  interpreterNeeded: flag('Needs an interpreter'),
  language: text('Language', textLimits.name),
  accessibilityNeeds: text('Accessibility needs'),
} as const satisfies FieldSpecsFor<PersonDetails>;

export const aboutMeFields = {
  whatMatters: text('What is most important to me'),
  importantPeople: text('People who are important to me'),
  communication: text('How I communicate and how to communicate with me'),
  goodDays: text('My wellness: a good day'),
  badDays: text('My wellness: a bad day'),
  badDayTriggers: text('What can trigger a bad day'),
  pleaseDo: text('Please do'),
  pleaseDont: text("Please don't"),
  howToSupport: text('How and when to support me'),
  alsoWorthKnowing: text('Also worth knowing about me'),
  selfManagement: text('What helps me look after myself'),
  supportedToWriteBy: text('Supported to write this by', textLimits.short),
  dateUpdated: date('Date updated'),
} as const satisfies FieldSpecsFor<AboutMe>;

export const strengthFields = {
  text: text('Strength'),
  domain: choice('Life domain', lifeDomains),
} as const satisfies FieldSpecsFor<Strength>;

export const needFields = {
  text: text('Need, concern or problem'),
  domain: choice('Life domain', lifeDomains),
  response: choice('Kind of response', socialNeedResponses),
} as const satisfies FieldSpecsFor<Need>;

export const goalStepFields = {
  text: text('Step', textLimits.short),
  done: flag('Done'),
} as const satisfies FieldSpecsFor<GoalStep>;

export const progressScoreFields = {
  date: date('Date'),
  score: integer('Progress score', 0, 10),
  note: text('Note', textLimits.short),
  recordedBy: text('Recorded by', textLimits.name),
} as const satisfies FieldSpecsFor<ProgressScore>;

export const goalFields = {
  words: text('Goal, in my words', textLimits.short),
  whyItMatters: text('Why it matters'),
  priority: choice('Priority', goalPriorities),
  importance: integer('How important (1 to 10)', 1, 10),
  measure: text('How we will know', textLimits.short),
  targetDate: date('Target date'),
  linkedNeedIds: idSet('Needs it addresses'),
  status: choice('Status', goalStatuses, 'proposed'),
  steps: collection('Smaller steps', 'step', collectionLimits.medium, goalStepFields),
  progress: collection('Progress over time', 'progress score', collectionLimits.large, progressScoreFields),
} as const satisfies FieldSpecsFor<Goal>;

export const actionFields = {
  what: text('What will happen', textLimits.short),
  owner: personRef('Who will do it'),
  dueDate: date('Due date'),
  goalIds: idSet('Goals it serves'),
  housePart: choice('Part of the house', houseParts),
  status: choice('Status', actionStatuses, 'open'),
  checkedBy: personRef('Who checks it happened'),
  agreedAtMeetingId: itemRef('Meeting that agreed it'),
  notes: text('Notes'),
} as const satisfies FieldSpecsFor<Action>;

export const professionalContactFields = {
  name: text('Name', textLimits.name),
  role: text('Role', textLimits.name),
  speciality: text('Speciality', textLimits.name),
  team: text('Team', textLimits.name),
  organisation: text('Organisation', textLimits.name),
  sector: choice('Sector', careSectors),
  phone: text('Phone', textLimits.phone),
  email: text('Email', textLimits.email),
  otherContactDetails: text('Other contact details', textLimits.short),
  startDate: date('Start date'),
  endDate: date('End date'),
  isKeyworker: flag('Keyworker'),
  keyworkerFrom: date('Keyworker from'),
  keyworkerUntil: date('Keyworker until'),
} as const satisfies FieldSpecsFor<ProfessionalContact>;

export const personalContactFields = {
  name: text('Name', textLimits.name),
  relationship: text('Relationship', textLimits.name),
  isCarer: flag('Carer'),
  isNextOfKin: flag('Next of kin'),
  isEmergencyContact: flag('Emergency contact'),
  phone: text('Phone', textLimits.phone),
  email: text('Email', textLimits.email),
  otherContactDetails: text('Other contact details', textLimits.short),
  carerNeeds: text("Carer's own needs"),
  comments: text('Comments', textLimits.short),
} as const satisfies FieldSpecsFor<PersonalContact>;

export const contingencyTriggerFields = {
  text: text('Warning sign', textLimits.short),
} as const satisfies FieldSpecsFor<ContingencyTrigger>;

export const contingencyPlanFields = {
  name: text('Name of this plan', textLimits.name),
  triggers: collection('Warning signs', 'warning sign', collectionLimits.small, contingencyTriggerFields),
  whatShouldHappen: text('What should happen'),
  contactInHours: text('Who to contact in hours', textLimits.short),
  contactOutOfHours: text('Who to contact out of hours', textLimits.short),
  contactIds: idSet('People to contact', collectionLimits.small),
  copingStrategies: text('Coping strategies'),
  advanceStatement: text('Advance statement'),
  advanceStatementLocation: text('Where the advance statement is kept', textLimits.short),
  anticipatoryMedicines: text('Medicines or equipment kept ready', textLimits.short),
  anticipatoryMedicinesLocation: text('Where they are kept', textLimits.short),
  respectLink: text('ReSPECT form or urgent care plan', textLimits.short),
  reviewDate: date('Review date'),
  reviewOwner: personRef('Who reviews it'),
} as const satisfies FieldSpecsFor<ContingencyPlan>;

export const supportPlanFields = {
  name: text('Name of this plan', textLimits.name),
  content: text('What the plan says', textLimits.long),
  reviewDate: date('Review date'),
  reviewOwner: personRef('Who reviews it'),
  lastUpdated: date('Last updated'),
} as const satisfies FieldSpecsFor<SupportPlan>;

export const supportServiceFields = {
  name: text('Service or support', textLimits.name),
  kind: choice('Kind', supportServiceKinds),
  provider: text('Provided by', textLimits.name),
  contactDetails: text('Contact details', textLimits.short),
  status: choice('Status', supportServiceStatuses),
  notes: text('Notes'),
} as const satisfies FieldSpecsFor<SupportService>;

export const doNotShareFields = {
  who: text('Do not share with', textLimits.name),
  reason: text('Reason', textLimits.short),
} as const satisfies FieldSpecsFor<DoNotShareEntry>;

export const sharingScopeFields = {
  who: text('Organisation or person', textLimits.name),
  description: text('What they may see', textLimits.short),
  // The allowed values are checked by validation against planSectionKeys (kept out of
  // here to avoid a cycle with the section list below).
  sections: idSet('Sections they may see', collectionLimits.small),
  itemIds: idSet('Items they may see'),
} as const satisfies FieldSpecsFor<SharingScope>;

export const lastingPowerOfAttorneyFields = {
  kind: choice('Kind of lasting power of attorney', lpaKinds),
  attorneyName: text('Attorney', textLimits.name),
  attorneyContact: text('Attorney contact details', textLimits.short),
  registered: flag('Registered'),
  whereKept: text('Where it is kept', textLimits.short),
} as const satisfies FieldSpecsFor<LastingPowerOfAttorney>;

export const advanceDecisionFields = {
  decision: text('Decision'),
  madeOn: date('Made on'),
  whereKept: text('Where it is kept', textLimits.short),
} as const satisfies FieldSpecsFor<AdvanceDecision>;

export const consentFields = {
  status: choice('Consent to share with the team', consentStatuses, 'notYetAsked'),
  legalBasis: choice('Legal basis for sharing', sharingLegalBases),
  legalBasisNotes: text('Notes on the legal basis', textLimits.short),
  bestInterestsNotes: text('Best-interests decision'),
  recordedBy: text('Recorded by', textLimits.name),
  recordedOn: date('Recorded on'),
  toldWhoIsInTeam: flag('Told who is in the team'),
  doNotShare: collection('Do not share with', 'entry', collectionLimits.small, doNotShareFields),
  sharingScopes: collection('Limits on what someone may see', 'limit', collectionLimits.small, sharingScopeFields),
  lastingPowersOfAttorney: collection('Lasting power of attorney', 'lasting power of attorney', collectionLimits.small, lastingPowerOfAttorneyFields),
  advanceDecisions: collection('Advance decisions', 'advance decision', collectionLimits.small, advanceDecisionFields),
} as const satisfies FieldSpecsFor<Consent>;

export const agreementFields = {
  agreedBy: choice('Agreed by', agreedByKinds),
  agreedWithName: text('Agreed with', textLimits.name),
  agreedWithRole: text('Their role', textLimits.name),
  agreedOn: date('Agreed on'),
  fundingSource: text('Care funding source', textLimits.short),
  lastUpdated: date('Last updated'),
  reviewDate: date('Review date'),
  reviewResponsible: personRef('Who arranges the review'),
} as const satisfies FieldSpecsFor<Agreement>;

export const meetingAttendeeFields = {
  name: text('Name', textLimits.name),
  role: text('Role', textLimits.name),
  organisation: text('Organisation', textLimits.name),
  contactId: itemRef('Contact'),
} as const satisfies FieldSpecsFor<MeetingAttendee>;

export const meetingApologyFields = {
  name: text('Name', textLimits.name),
  role: text('Role', textLimits.name),
  organisation: text('Organisation', textLimits.name),
} as const satisfies FieldSpecsFor<MeetingApology>;

export const agendaItemFields = {
  title: text('Agenda item', textLimits.name),
  situation: text('Situation'),
  discussion: text('Discussion', textLimits.long),
  decision: text('Decision'),
  reasoning: text('Reasoning'),
  dissent: text('Dissent'),
  personView: text("The person's own view"),
  bottomLines: text('Agency bottom lines'),
} as const satisfies FieldSpecsFor<AgendaItem>;

export const meetingFields = {
  date: date('Date'),
  type: choice('Kind of meeting', meetingTypes),
  location: text('Where', textLimits.short),
  chair: text('Chair', textLimits.name),
  minuteTaker: text('Minute-taker', textLimits.name),
  attendees: collection('Attendees', 'attendee', collectionLimits.medium, meetingAttendeeFields),
  apologies: collection('Apologies', 'apology', collectionLimits.medium, meetingApologyFields),
  personAttended: flag('The person attended'),
  advocateAttended: flag('An advocate attended'),
  familyAttended: flag('Family attended'),
  informationSharingNoticeRead: flag('Information-sharing notice read out'),
  preparation: text('Information given before the meeting'),
  agendaItems: collection('Agenda', 'agenda item', collectionLimits.medium, agendaItemFields),
  privateFamilyTime: text('Private family time', textLimits.long),
  privateFamilyTimeShared: flag('The family chose to share their notes'),
  planAgreement: text('Agreeing the plan'),
  nextMeetingDate: date('Next meeting'),
} as const satisfies FieldSpecsFor<Meeting>;

/** Record sections: one Y.Map of fields. */
export const recordSections = {
  person: personFields,
  aboutMe: aboutMeFields,
  consent: consentFields,
  agreement: agreementFields,
} as const;

/** Collection sections: one Y.Map of items keyed by id. */
export const collectionSections = {
  strengths: collection('Strengths', 'strength', collectionLimits.medium, strengthFields),
  needs: collection('Needs, concerns or problems', 'need', collectionLimits.medium, needFields),
  goals: collection('Goals', 'goal', collectionLimits.medium, goalFields),
  actions: collection('Actions', 'action', collectionLimits.large, actionFields),
  professionalContacts: collection('Care team', 'team member', collectionLimits.medium, professionalContactFields),
  personalContacts: collection('Family, friends and carers', 'contact', collectionLimits.medium, personalContactFields),
  contingencyPlans: collection('Contingency and safety plans', 'contingency plan', collectionLimits.small, contingencyPlanFields),
  supportPlans: collection('Additional support plans', 'support plan', collectionLimits.small, supportPlanFields),
  services: collection('Services and support', 'service', collectionLimits.medium, supportServiceFields),
  meetings: collection('Meetings', 'meeting', collectionLimits.medium, meetingFields),
} as const;

export type RecordSectionKey = keyof typeof recordSections;
export type CollectionSectionKey = keyof typeof collectionSections;
export type PlanSectionKey = RecordSectionKey | CollectionSectionKey;

/** Every section root, in the order the plan reads (care-plan.md sections 1-10). */
export const planSectionKeys = [
  'person',
  'aboutMe',
  'strengths',
  'needs',
  'goals',
  'actions',
  'professionalContacts',
  'personalContacts',
  'contingencyPlans',
  'supportPlans',
  'services',
  'consent',
  'agreement',
  'meetings',
] as const satisfies readonly PlanSectionKey[];

/** Every root shared type on the document: the sections plus 'meta'. */
export const planRootKeys = ['meta', ...planSectionKeys] as const;
export type PlanRootKey = (typeof planRootKeys)[number];

export function isPlanSectionKey(value: string): value is PlanSectionKey {
  return (planSectionKeys as readonly string[]).includes(value);
}

export function isRecordSectionKey(value: string): value is RecordSectionKey {
  return Object.hasOwn(recordSections, value);
}

export function isCollectionSectionKey(value: string): value is CollectionSectionKey {
  return Object.hasOwn(collectionSections, value);
}

/** Bookkeeping keys every item map carries besides its fields. */
export const itemBookkeepingKeys = ['position', 'createdAt', 'createdBy', 'removedAt', 'removedBy'] as const;
