import {
  careSectorLabels,
  contactMethodLabels,
  goalPriorityLabels,
  legalBasisLabels,
  lifeDomainLabels,
  serviceKindLabels,
  serviceStatusLabels,
} from '../../../shared/export/plain-labels';
import { actionStatuses, actionStatusWords, goalStatuses, goalStatusWords } from '../../../shared/plan';
/**
 * Plain words for every stored choice value. The document stores stable codes
 * ('notYetAsked'); people read these. One table because the same code means the same
 * thing wherever it appears ('active' goal, 'active' service).
 */
const labels: Readonly<Record<string, string>> = {
  // The same words the exports use, where the app and the person's copy should agree.
  ...lifeDomainLabels,
  ...goalPriorityLabels,
  ...contactMethodLabels,
  ...careSectorLabels,
  ...serviceKindLabels,
  ...serviceStatusLabels,
  ...legalBasisLabels,
  // Words for the team's screens (the person's PDF has its own, plainer ones).
  // social-need responses
  awareness: 'Awareness',
  adjustment: 'Adjustment',
  assistance: 'Assistance',
  alignment: 'Alignment',
  advocacy: 'Advocacy',
  // house parts
  roof: 'Roof: organisation and processes',
  leftWall: 'Left wall: the person and their carers',
  rightWall: 'Right wall: professionals working in partnership',
  centre: 'Centre: the care and support plan',
  foundation: 'Foundation: services and support',
  // consent
  given: 'Given',
  notYetAsked: 'Not yet asked',
  lacksCapacityBestInterests: 'The person lacks capacity: best-interests decision',
  // lasting power of attorney
  healthAndWelfare: 'Health and welfare',
  propertyAndFinancialAffairs: 'Property and financial affairs',
  // agreement
  person: 'The person',
  legitimateRepresentative: 'Their legitimate representative',
  // meetings
  mdt: 'Multidisciplinary team (MDT) meeting',
  discharge: 'Discharge meeting',
  familyGroupConference: 'Family group conference',
  review: 'Review',
};

/**
 * Status words come from the one shared source, found by the schema's value list (the same
 * array object), because 'active' is a goal status and also a service status.
 */
const wordsByList = new Map<readonly string[], Readonly<Record<string, string>>>([
  [actionStatuses, actionStatusWords],
  [goalStatuses, goalStatusWords],
]);

/** The words for a choice value; an unknown code is spelled out rather than shown raw. */
export function choiceLabel(value: string, values?: readonly string[]): string {
  const fromList = values ? wordsByList.get(values)?.[value] : undefined;
  if (fromList !== undefined) return fromList;
  const known = labels[value];
  if (known !== undefined) return known;
  const spaced = value.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function hasChoiceLabel(value: string): boolean {
  return Object.hasOwn(labels, value) || [...wordsByList.values()].some((words) => Object.hasOwn(words, value));
}
