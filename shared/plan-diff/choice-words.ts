import {
  actionStatusLabels,
  careSectorLabels,
  contactMethodLabels,
  goalPriorityLabels,
  goalStatusLabels,
  housePartShortLabels,
  legalBasisLabels,
  lifeDomainLabels,
  meetingTypeLabels,
  serviceKindLabels,
  serviceStatusLabels,
} from '../export/plain-labels';
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
  type AgreedByKind,
  type ConsentStatus,
  type LpaKind,
  type SocialNeedResponse,
} from '../plan/plan-snapshot';

// Short enough to sit inside "changed from … to …" (the export labels are whole sentences).
const consentWords: Record<ConsentStatus, string> = {
  given: 'given',
  declined: 'declined',
  notYetAsked: 'not yet asked',
  lacksCapacityBestInterests: 'lacks capacity (best-interests decision)',
};
const responseWords: Record<SocialNeedResponse, string> = {
  awareness: 'awareness',
  adjustment: 'adjustment',
  assistance: 'assistance',
  alignment: 'alignment',
  advocacy: 'advocacy',
};
const lpaWords: Record<LpaKind, string> = {
  healthAndWelfare: 'health and welfare',
  propertyAndFinancialAffairs: 'property and financial affairs',
};
const agreedByWords: Record<AgreedByKind, string> = {
  person: 'the person',
  legitimateRepresentative: 'their representative',
};

/**
 * Words for a choice value, found by the value list the schema field was declared with
 * (the same array object), because field names repeat ("status" of a goal and of an
 * action mean different things) but each list is one thing.
 */
const wordsByList = new Map<readonly string[], Readonly<Record<string, string>>>([
  [actionStatuses, actionStatusLabels],
  [goalStatuses, goalStatusLabels],
  [goalPriorities, goalPriorityLabels],
  [houseParts, housePartShortLabels],
  [lifeDomains, lifeDomainLabels],
  [contactMethods, contactMethodLabels],
  [careSectors, careSectorLabels],
  [meetingTypes, meetingTypeLabels],
  [supportServiceKinds, serviceKindLabels],
  [supportServiceStatuses, serviceStatusLabels],
  [sharingLegalBases, legalBasisLabels],
  [consentStatuses, consentWords],
  [socialNeedResponses, responseWords],
  [lpaKinds, lpaWords],
  [agreedByKinds, agreedByWords],
]);

/** Plain words for one choice value; null when nothing is chosen. Unknown values read as themselves. */
export function describeChoice(values: readonly string[], value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return wordsByList.get(values)?.[value] ?? value;
}
