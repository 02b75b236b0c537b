/**
 * The whole care plan as plain, JSON-serialisable data: what `readPlanSnapshot(doc)` returns
 * and what exports (PDF, CSV, ICS, FHIR, Markdown), diffs between agreed versions and
 * validation consume. No Yjs types appear here, so a consumer never needs the live document.
 *
 * Conventions (kept uniform so every consumer can rely on them):
 * - Free text is a `string`, '' when empty (it is a Y.Text in the document).
 * - Calendar dates are 'YYYY-MM-DD' strings, or null when not set.
 * - Moments (createdAt, removedAt) are ISO 8601 date-times.
 * - Choices are string unions, or null when not chosen (unless a default is stated).
 * - Collections are arrays in the order the team arranged them. Removed items STAY in the
 *   array with `removedAt` set (nothing is deleted silently); use `isLive` to hide them.
 * - Links between items are by stable id (action.goalIds -> Goal.id, goal.linkedNeedIds ->
 *   Need.id, PersonRef.contactId -> ProfessionalContact.id / PersonalContact.id, ...).
 *   A link may point at a removed item; consumers decide whether to show it.
 */

// ---------------------------------------------------------------------------------------
// Choice lists (the only values the document accepts for each choice field)
// ---------------------------------------------------------------------------------------

/** Life domains from care-plan.md section 3. */
export const lifeDomains = [
  'physicalHealth',
  'mentalWellbeing',
  'dailyLiving',
  'homeAndHousing',
  'moneyAndBenefits',
  'workEducationVolunteering',
  'relationshipsAndSocial',
  'carersAndFamily',
  'gettingAround',
  'legalMatters',
  'safetyAndSafeguarding',
] as const;
export type LifeDomain = (typeof lifeDomains)[number];

/** The kind of response a social need gets (the "5 As"). */
export const socialNeedResponses = ['awareness', 'adjustment', 'assistance', 'alignment', 'advocacy'] as const;
export type SocialNeedResponse = (typeof socialNeedResponses)[number];

export const goalPriorities = ['high', 'medium', 'low'] as const;
export type GoalPriority = (typeof goalPriorities)[number];

export const goalStatuses = ['proposed', 'active', 'achieved', 'notAchieved', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export const actionStatuses = ['open', 'inProgress', 'done', 'blocked', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** The parts of the House of Care (care-plan.md "The house"). */
export const houseParts = ['roof', 'leftWall', 'rightWall', 'centre', 'foundation'] as const;
export type HousePart = (typeof houseParts)[number];

export const contactMethods = ['phone', 'textMessage', 'email', 'letter', 'inPerson', 'videoCall'] as const;
export type ContactMethod = (typeof contactMethods)[number];

export const careSectors = ['health', 'socialCare', 'housing', 'education', 'voluntary', 'other'] as const;
export type CareSector = (typeof careSectors)[number];

export const supportServiceKinds = ['referral', 'socialPrescribing', 'communityOffer', 'statutoryService', 'other'] as const;
export type SupportServiceKind = (typeof supportServiceKinds)[number];

export const supportServiceStatuses = ['suggested', 'referred', 'active', 'ended', 'declined'] as const;
export type SupportServiceStatus = (typeof supportServiceStatuses)[number];

export const consentStatuses = ['given', 'declined', 'notYetAsked', 'lacksCapacityBestInterests'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

/** Why information is shared: with consent, or the lawful basis used without it. */
export const sharingLegalBases = ['consent', 'directCare', 'safeguardingOrStatutory'] as const;
export type SharingLegalBasis = (typeof sharingLegalBases)[number];

export const lpaKinds = ['healthAndWelfare', 'propertyAndFinancialAffairs'] as const;
export type LpaKind = (typeof lpaKinds)[number];

export const agreedByKinds = ['person', 'legitimateRepresentative'] as const;
export type AgreedByKind = (typeof agreedByKinds)[number];

export const meetingTypes = ['mdt', 'discharge', 'familyGroupConference', 'review'] as const;
export type MeetingType = (typeof meetingTypes)[number];

// ---------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------

/**
 * Who does (or checks, or reviews) something: a member of the care team, the person
 * themselves, or one of their personal contacts (a carer, family member, friend).
 * Stored as one value so a concurrent change can never pair one kind with another's id.
 */
export type PersonRef =
  | { kind: 'careTeam'; contactId: string }
  | { kind: 'person' }
  | { kind: 'personalContact'; contactId: string };

// ---------------------------------------------------------------------------------------
// Items in collections
// ---------------------------------------------------------------------------------------

/** Every item in every collection carries these. */
export interface ItemBase {
  /** Stable random id; links point at it and survive reordering and concurrent edits. */
  id: string;
  createdAt: string;
  /** Display name of whoever added it. */
  createdBy: string;
  /** Set when the item is removed; the item stays in the plan and in its history. */
  removedAt: string | null;
  removedBy: string | null;
}

/** Names of the bookkeeping keys, so typed helpers can leave them out of inputs. */
export type ItemBaseKey = keyof ItemBase;

export interface Strength extends ItemBase {
  text: string;
  domain: LifeDomain | null;
}

export interface Need extends ItemBase {
  text: string;
  domain: LifeDomain | null;
  /** For a social need: which kind of response it gets. */
  response: SocialNeedResponse | null;
}

export interface GoalStep extends ItemBase {
  text: string;
  done: boolean;
}

export interface ProgressScore extends ItemBase {
  date: string | null;
  /** 0 (not started) to 10 (fully achieved), as the person rates it. */
  score: number | null;
  note: string;
  recordedBy: string;
}

export interface Goal extends ItemBase {
  /** The goal in the person's own words. */
  words: string;
  whyItMatters: string;
  priority: GoalPriority | null;
  /** How important it is to the person, 1 to 10. */
  importance: number | null;
  /** How we will know. */
  measure: string;
  targetDate: string | null;
  linkedNeedIds: string[];
  /** Defaults to 'proposed'. */
  status: GoalStatus;
  steps: GoalStep[];
  progress: ProgressScore[];
}

export interface Action extends ItemBase {
  what: string;
  owner: PersonRef | null;
  dueDate: string | null;
  goalIds: string[];
  housePart: HousePart | null;
  /** Defaults to 'open'. */
  status: ActionStatus;
  checkedBy: PersonRef | null;
  /** The meeting (Meeting.id) that agreed it. */
  agreedAtMeetingId: string | null;
  notes: string;
}

export interface ProfessionalContact extends ItemBase {
  name: string;
  role: string;
  speciality: string;
  team: string;
  organisation: string;
  sector: CareSector | null;
  phone: string;
  email: string;
  otherContactDetails: string;
  startDate: string | null;
  endDate: string | null;
  /** The named keyworker / care coordinator. Exactly one is current on any date. */
  isKeyworker: boolean;
  /** With a handover (e.g. children's to adults' services at 18): when this keyworker starts... */
  keyworkerFrom: string | null;
  /** ...and the last day they hold it. Null on both = keyworker with no end planned. */
  keyworkerUntil: string | null;
}

export interface PersonalContact extends ItemBase {
  name: string;
  relationship: string;
  isCarer: boolean;
  isNextOfKin: boolean;
  isEmergencyContact: boolean;
  phone: string;
  email: string;
  otherContactDetails: string;
  /** A carer's own needs (care-plan.md left wall: "carers and their needs"). */
  carerNeeds: string;
  comments: string;
}

export interface ContingencyTrigger extends ItemBase {
  text: string;
}

export interface ContingencyPlan extends ItemBase {
  name: string;
  /** Trigger factors / early warning signs: at least one. */
  triggers: ContingencyTrigger[];
  whatShouldHappen: string;
  contactInHours: string;
  contactOutOfHours: string;
  /** Team members or personal contacts to call (ProfessionalContact / PersonalContact ids). */
  contactIds: string[];
  copingStrategies: string;
  advanceStatement: string;
  advanceStatementLocation: string;
  anticipatoryMedicines: string;
  anticipatoryMedicinesLocation: string;
  /** Link to ReSPECT form / urgent care plan, or where it is. */
  respectLink: string;
  reviewDate: string | null;
  reviewOwner: PersonRef | null;
}

export interface SupportPlan extends ItemBase {
  /** e.g. "Occupational therapy plan", "School attendance plan". */
  name: string;
  content: string;
  reviewDate: string | null;
  reviewOwner: PersonRef | null;
  lastUpdated: string | null;
}

/** Foundation of the house: services and support the plan relies on. */
export interface SupportService extends ItemBase {
  name: string;
  kind: SupportServiceKind | null;
  provider: string;
  contactDetails: string;
  status: SupportServiceStatus | null;
  notes: string;
}

export interface DoNotShareEntry extends ItemBase {
  /** An organisation or person NOT to share with. */
  who: string;
  reason: string;
}

/**
 * A limit on what one organisation or person may see, e.g. "the school sees only the
 * attendance plan". Empty `sections` and `itemIds` mean nothing beyond `description`.
 */
export interface SharingScope extends ItemBase {
  who: string;
  description: string;
  /** Sections they may see (PlanSectionKey values). */
  sections: string[];
  /** Particular items they may see (e.g. one SupportPlan id). */
  itemIds: string[];
}

export interface LastingPowerOfAttorney extends ItemBase {
  kind: LpaKind | null;
  attorneyName: string;
  attorneyContact: string;
  registered: boolean;
  whereKept: string;
}

export interface AdvanceDecision extends ItemBase {
  decision: string;
  madeOn: string | null;
  whereKept: string;
}

export interface MeetingAttendee extends ItemBase {
  name: string;
  role: string;
  organisation: string;
  /** The care-team or personal contact they are, when known. */
  contactId: string | null;
}

export interface MeetingApology extends ItemBase {
  name: string;
  role: string;
  organisation: string;
}

export interface AgendaItem extends ItemBase {
  title: string;
  situation: string;
  discussion: string;
  decision: string;
  reasoning: string;
  dissent: string;
  personView: string;
  /** Agency bottom lines (e.g. "Samuel's safety"). */
  bottomLines: string;
}

export interface Meeting extends ItemBase {
  date: string | null;
  type: MeetingType | null;
  location: string;
  chair: string;
  minuteTaker: string;
  attendees: MeetingAttendee[];
  apologies: MeetingApology[];
  personAttended: boolean;
  advocateAttended: boolean;
  familyAttended: boolean;
  informationSharingNoticeRead: boolean;
  /** What information the person was given before the meeting (Year of Care "prepare"). */
  preparation: string;
  agendaItems: AgendaItem[];
  /** Family group conference: the family's private time. Kept to the family until shared. */
  privateFamilyTime: string;
  privateFamilyTimeShared: boolean;
  /** Family group conference: the explicit "agreeing the plan" step. */
  planAgreement: string;
  nextMeetingDate: string | null;
}

// ---------------------------------------------------------------------------------------
// Single-record sections
// ---------------------------------------------------------------------------------------

export interface PersonDetails {
  firstName: string;
  familyName: string;
  preferredName: string;
  dateOfBirth: string | null;
  /** As typed (spaces allowed); validated as 10 digits with a modulus-11 check digit. */
  nhsNumber: string;
  otherIdentifier: string;
  address: string;
  postcode: string;
  phone: string;
  email: string;
  preferredContactMethod: ContactMethod | null;
  contactNotes: string;
  gpName: string;
  gpPracticeName: string;
  gpPracticeCode: string;
  communicationNeeds: string;
  interpreterNeeded: boolean;
  language: string;
  accessibilityNeeds: string;
}

/** In the person's own words (PRSB "About me"). */
export interface AboutMe {
  whatMatters: string;
  importantPeople: string;
  communication: string;
  goodDays: string;
  badDays: string;
  badDayTriggers: string;
  pleaseDo: string;
  pleaseDont: string;
  howToSupport: string;
  alsoWorthKnowing: string;
  /** What helps me look after myself (self-management support). */
  selfManagement: string;
  supportedToWriteBy: string;
  dateUpdated: string | null;
}

export interface Consent {
  /** Defaults to 'notYetAsked'. */
  status: ConsentStatus;
  legalBasis: SharingLegalBasis | null;
  legalBasisNotes: string;
  /** Best-interests decision notes when the person lacks capacity for this decision. */
  bestInterestsNotes: string;
  recordedBy: string;
  recordedOn: string | null;
  toldWhoIsInTeam: boolean;
  doNotShare: DoNotShareEntry[];
  sharingScopes: SharingScope[];
  lastingPowersOfAttorney: LastingPowerOfAttorney[];
  advanceDecisions: AdvanceDecision[];
}

export interface Agreement {
  agreedBy: AgreedByKind | null;
  agreedWithName: string;
  agreedWithRole: string;
  agreedOn: string | null;
  fundingSource: string;
  lastUpdated: string | null;
  reviewDate: string | null;
  reviewResponsible: PersonRef | null;
}

export interface PlanMeta {
  schemaVersion: number;
  createdAt: string;
}

/** The whole plan. Keys match the document's root shared types one to one. */
export interface CarePlanSnapshot {
  meta: PlanMeta;
  person: PersonDetails;
  aboutMe: AboutMe;
  strengths: Strength[];
  needs: Need[];
  goals: Goal[];
  actions: Action[];
  professionalContacts: ProfessionalContact[];
  personalContacts: PersonalContact[];
  contingencyPlans: ContingencyPlan[];
  supportPlans: SupportPlan[];
  services: SupportService[];
  consent: Consent;
  agreement: Agreement;
  meetings: Meeting[];
}

/** True for items that have not been removed. */
export function isLive<T extends ItemBase>(item: T): boolean {
  return item.removedAt === null;
}
