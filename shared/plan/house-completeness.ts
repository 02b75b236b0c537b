import { currentKeyworker } from './keyworker';
import { validateNhsNumber } from './nhs-number';
import type { PlanSectionKey } from './plan-schema';
import { isLive, type CarePlanSnapshot, type HousePart } from './plan-snapshot';
import { planDate } from './validate-plan';

/**
 * How complete each part of the House of Care is, for the plan's home screen. Each part
 * is a short list of plain checks that map care-plan.md "The house" onto the sections
 * feeding it; a part is as complete as the share of its checks that are filled. Checks
 * are "has something been written / decided", never vacuous ("every action has an owner"
 * would be true of an empty plan), so an empty plan reads 0 everywhere.
 */
export interface CompletenessCheck {
  label: string;
  filled: boolean;
  section: PlanSectionKey;
}

export interface HousePartCompleteness {
  part: HousePart;
  title: string;
  filled: number;
  total: number;
  /** 0 to 1. */
  fraction: number;
  /** 0 to 100, rounded. */
  percent: number;
  /** Sections this part opens (in the order its checks list them). */
  sections: PlanSectionKey[];
  /** e.g. "3 of 5 filled". */
  summary: string;
  checks: CompletenessCheck[];
}

export const housePartTitles: Record<HousePart, string> = {
  roof: 'Organisation and processes',
  leftWall: 'The person and their carers',
  rightWall: 'Professionals working in partnership',
  centre: 'My care and support plan',
  foundation: 'Services and support (commissioning)',
};

export interface CompletenessOptions {
  /** The date for "current keyworker"; defaults to the plan's own date. */
  today?: string;
  /**
   * True only when what is shown IS a real agreed version (the Agree step stored it).
   * The hand-edited "agreed on" field never counts: a draft must not read as agreed.
   */
  agreedVersion?: boolean;
}

export function houseCompleteness(
  snapshot: CarePlanSnapshot,
  options: CompletenessOptions = {},
): Record<HousePart, HousePartCompleteness> {
  const s = snapshot;
  const has = (text: string): boolean => text.trim().length > 0;
  const goals = s.goals.filter(isLive);
  const actions = s.actions.filter(isLive);
  const team = s.professionalContacts.filter(isLive);
  const personal = s.personalContacts.filter(isLive);
  const today = options.today ?? planDate(s);

  const checks: Record<HousePart, CompletenessCheck[]> = {
    centre: [
      { label: 'What matters to me', filled: has(s.aboutMe.whatMatters), section: 'aboutMe' },
      { label: 'Needs, concerns or problems', filled: s.needs.some((need) => isLive(need) && has(need.text)), section: 'needs' },
      { label: 'Goals in my words', filled: goals.some((goal) => has(goal.words)), section: 'goals' },
      { label: 'Actions', filled: actions.some((action) => has(action.what)), section: 'actions' },
      {
        label: 'If things go wrong (contingency)',
        filled: s.contingencyPlans.some((plan) => isLive(plan) && plan.triggers.some((trigger) => isLive(trigger) && has(trigger.text)) && has(plan.whatShouldHappen)),
        section: 'contingencyPlans',
      },
    ],
    leftWall: [
      { label: 'My details', filled: has(s.person.firstName) && has(s.person.familyName) && has(s.person.nhsNumber) && validateNhsNumber(s.person.nhsNumber) === null, section: 'person' },
      {
        label: 'About me, in my words',
        filled: [s.aboutMe.communication, s.aboutMe.goodDays, s.aboutMe.badDays, s.aboutMe.pleaseDo, s.aboutMe.howToSupport].some(has),
        section: 'aboutMe',
      },
      { label: 'My strengths', filled: s.strengths.some((strength) => isLive(strength) && has(strength.text)), section: 'strengths' },
      { label: 'Family, friends and carers', filled: personal.some((contact) => has(contact.name)), section: 'personalContacts' },
      { label: 'Looking after myself', filled: has(s.aboutMe.selfManagement), section: 'aboutMe' },
      {
        label: 'Information before the meeting',
        filled: s.meetings.some((meeting) => isLive(meeting) && has(meeting.preparation)),
        section: 'meetings',
      },
    ],
    rightWall: [
      { label: 'Care team', filled: team.some((contact) => has(contact.name)), section: 'professionalContacts' },
      { label: 'Named keyworker', filled: today !== null && currentKeyworker(team, today) !== null, section: 'professionalContacts' },
      { label: 'Who does what', filled: actions.some((action) => action.owner !== null), section: 'actions' },
      { label: 'How to reach the team', filled: team.some((contact) => has(contact.phone) || has(contact.email) || has(contact.otherContactDetails)), section: 'professionalContacts' },
    ],
    roof: [
      { label: 'Meeting record', filled: s.meetings.some((meeting) => isLive(meeting) && meeting.date !== null), section: 'meetings' },
      { label: 'Consent and information sharing', filled: s.consent.status !== 'notYetAsked', section: 'consent' },
      { label: 'Agreed with the person', filled: options.agreedVersion === true, section: 'agreement' },
      { label: 'Review date', filled: s.agreement.reviewDate !== null, section: 'agreement' },
      { label: 'Who arranges the review', filled: s.agreement.reviewResponsible !== null, section: 'agreement' },
    ],
    foundation: [
      { label: 'Services and support', filled: s.services.some((service) => isLive(service) && has(service.name)), section: 'services' },
      { label: 'Actions for services and community support', filled: actions.some((action) => action.housePart === 'foundation'), section: 'actions' },
      { label: 'Additional support plans', filled: s.supportPlans.some((plan) => isLive(plan) && has(plan.name)), section: 'supportPlans' },
      { label: 'Care funding source', filled: has(s.agreement.fundingSource), section: 'agreement' },
    ],
  };

  const result = {} as Record<HousePart, HousePartCompleteness>;
  for (const part of Object.keys(checks) as HousePart[]) {
    const list = checks[part];
    const filled = list.filter((check) => check.filled).length;
    const fraction = list.length === 0 ? 0 : filled / list.length;
    result[part] = {
      part,
      title: housePartTitles[part],
      filled,
      total: list.length,
      fraction,
      percent: Math.round(fraction * 100),
      sections: [...new Set(list.map((check) => check.section))],
      summary: `${filled} of ${list.length} filled`,
      checks: list,
    };
  }
  return result;
}
