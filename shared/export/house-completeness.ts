import { isLive, type CarePlanSnapshot, type HousePart } from '../plan/plan-snapshot';

export interface HousePartStatus {
  part: HousePart;
  /** 0 to 1. */
  completeness: number;
  summary: string;
}

function fraction(checks: boolean[]): number {
  return checks.length === 0 ? 0 : checks.filter(Boolean).length / checks.length;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * How complete each part of the House of Care is, by the questions care-plan.md puts in
 * that part. A rough guide for the person's PDF ("what is still to do"), not a validation:
 * blocking problems are shared/plan's validation's business.
 */
export function houseCompleteness(plan: CarePlanSnapshot): HousePartStatus[] {
  const goals = plan.goals.filter(isLive);
  const actions = plan.actions.filter(isLive);
  const contingencies = plan.contingencyPlans.filter(isLive);
  const team = plan.professionalContacts.filter(isLive);
  const family = plan.personalContacts.filter(isLive);
  const meetings = plan.meetings.filter(isLive);
  const services = plan.services.filter(isLive);
  const supportPlans = plan.supportPlans.filter(isLive);
  const { aboutMe, consent, agreement } = plan;
  const openActions = actions.filter((action) => action.status === 'open' || action.status === 'inProgress' || action.status === 'blocked');

  return [
    {
      part: 'roof',
      completeness: fraction([
        meetings.length > 0,
        agreement.reviewDate !== null,
        agreement.reviewResponsible !== null,
        consent.status !== 'notYetAsked',
        agreement.agreedOn !== null,
      ]),
      summary: [
        count(meetings.length, 'meeting', 'meetings'),
        agreement.reviewDate ? `review ${agreement.reviewDate}` : 'no review date',
      ].join(', '),
    },
    {
      part: 'leftWall',
      completeness: fraction([
        aboutMe.whatMatters.trim() !== '',
        aboutMe.communication.trim() !== '',
        aboutMe.selfManagement.trim() !== '',
        aboutMe.supportedToWriteBy.trim() !== '',
        family.length > 0,
      ]),
      summary: count(family.length, 'family member or carer', 'family members and carers'),
    },
    {
      part: 'rightWall',
      completeness: fraction([
        team.length > 0,
        team.some((contact) => contact.isKeyworker),
        actions.length > 0 && actions.every((action) => action.owner !== null),
      ]),
      summary: [count(team.length, 'person', 'people') + ' in the team', team.some((c) => c.isKeyworker) ? 'keyworker named' : 'no keyworker yet'].join(', '),
    },
    {
      part: 'centre',
      completeness: fraction([
        aboutMe.whatMatters.trim() !== '',
        goals.length > 0,
        actions.length > 0,
        contingencies.length > 0 && contingencies.every((contingency) => contingency.triggers.some(isLive)),
      ]),
      summary: `${count(goals.length, 'goal', 'goals')}, ${count(openActions.length, 'action', 'actions')} to do`,
    },
    {
      part: 'foundation',
      completeness: fraction([services.length > 0, agreement.fundingSource.trim() !== '', supportPlans.length > 0 || services.length > 1]),
      summary: count(services.length, 'service', 'services'),
    },
  ];
}
