import type {
  CareSector,
  ConsentStatus,
  ContactMethod,
  GoalPriority,
  HousePart,
  LifeDomain,
  MeetingType,
  SharingLegalBasis,
  SupportServiceKind,
  SupportServiceStatus,
} from '../plan/plan-snapshot';

/**
 * Plain-language words for every choice value, as people reading an export would say them.
 * Records (not switch statements) so a new choice value without a label fails to compile.
 */
// Status words have ONE source, shared with the screens (shared/plan/status-words.ts).
export { actionStatusWords as actionStatusLabels, goalStatusWords as goalStatusLabels } from '../plan/status-words';

export const goalPriorityLabels: Record<GoalPriority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export const housePartLabels: Record<HousePart, string> = {
  roof: 'Roof — how the team organises care',
  leftWall: 'Left wall — me and my carers',
  rightWall: 'Right wall — my care team',
  centre: 'Centre — my plan',
  foundation: 'Foundation — services and support',
};

/** Short names for the house picture, where space is tight. */
export const housePartShortLabels: Record<HousePart, string> = {
  roof: 'Roof',
  leftWall: 'Left wall',
  rightWall: 'Right wall',
  centre: 'Centre',
  foundation: 'Foundation',
};

export const lifeDomainLabels: Record<LifeDomain, string> = {
  physicalHealth: 'Physical health',
  mentalWellbeing: 'Mental and emotional wellbeing',
  dailyLiving: 'Daily living and personal care',
  homeAndHousing: 'Home and housing',
  moneyAndBenefits: 'Money and benefits',
  workEducationVolunteering: 'Work, education and volunteering',
  relationshipsAndSocial: 'Relationships and social connection',
  carersAndFamily: 'Carers and family',
  gettingAround: 'Getting around',
  legalMatters: 'Legal matters',
  safetyAndSafeguarding: 'Safety and safeguarding',
};

export const consentStatusLabels: Record<ConsentStatus, string> = {
  given: 'Consent to share with the team was given',
  declined: 'Consent to share was declined',
  notYetAsked: 'Consent to share has not been asked yet',
  lacksCapacityBestInterests: 'Lacks capacity for this decision — best-interests decision',
};

export const legalBasisLabels: Record<SharingLegalBasis, string> = {
  consent: 'Consent',
  directCare: 'Direct care',
  safeguardingOrStatutory: 'Safeguarding or statutory duty',
};

export const contactMethodLabels: Record<ContactMethod, string> = {
  phone: 'Phone',
  textMessage: 'Text message',
  email: 'Email',
  letter: 'Letter',
  inPerson: 'In person',
  videoCall: 'Video call',
};

export const careSectorLabels: Record<CareSector, string> = {
  health: 'Health',
  socialCare: 'Social care',
  housing: 'Housing',
  education: 'Education',
  voluntary: 'Voluntary sector',
  other: 'Other',
};

export const meetingTypeLabels: Record<MeetingType, string> = {
  mdt: 'Multidisciplinary team meeting',
  discharge: 'Discharge meeting',
  familyGroupConference: 'Family group conference',
  review: 'Review meeting',
};

export const serviceKindLabels: Record<SupportServiceKind, string> = {
  referral: 'Referral',
  socialPrescribing: 'Social prescribing',
  communityOffer: 'Community offer',
  statutoryService: 'Statutory service',
  other: 'Other',
};

export const serviceStatusLabels: Record<SupportServiceStatus, string> = {
  suggested: 'Suggested',
  referred: 'Referred',
  active: 'Active',
  ended: 'Ended',
  declined: 'Declined',
};

/** A label for a nullable choice, '' when not chosen. */
export function labelOf<K extends string>(labels: Record<K, string>, value: K | null): string {
  return value === null ? '' : labels[value];
}
