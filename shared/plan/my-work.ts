import { addDays } from './calendar-date';
import type { CarePlanSnapshot } from './plan-snapshot';
import { isLive, type ActionStatus } from './plan-snapshot';
import { isOpenActionStatus } from './status-words';

/**
 * "My actions" and "Reviews due" across every plan on this machine, for a practice care
 * planner's list. Pure: main reads the plans and the profile, this decides.
 */
export interface PlanForMyWork {
  planId: string;
  planName: string;
  snapshot: CarePlanSnapshot;
}

export interface MyActionRow {
  planId: string;
  planName: string;
  personName: string;
  actionId: string;
  what: string;
  dueDate: string | null;
  status: ActionStatus;
  overdue: boolean;
}

export interface ReviewDueRow {
  planId: string;
  planName: string;
  personName: string;
  reviewDate: string;
  overdue: boolean;
}

/** A review is "due" this many days ahead (the same two weeks the plans list marks Due). */
export const REVIEW_DUE_WITHIN_DAYS = 14;

/** Names compare as people type them: case, spacing and accents' composition aside. */
export function sameName(a: string, b: string): boolean {
  const plain = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  return plain(a) !== '' && plain(a) === plain(b);
}

function personName(snapshot: CarePlanSnapshot): string {
  return [snapshot.person.firstName, snapshot.person.familyName].map((part) => part.trim()).filter(Boolean).join(' ');
}

/**
 * Open actions whose owner is me — a live care-team member of that plan with my profile's
 * name — overdue first, then by date (no date last), then by plan name.
 */
export function myOpenActions(plans: readonly PlanForMyWork[], myName: string, today: string): MyActionRow[] {
  const rows: MyActionRow[] = [];
  for (const { planId, planName, snapshot } of plans) {
    const mine = new Set(snapshot.professionalContacts.filter((contact) => isLive(contact) && sameName(contact.name, myName)).map((contact) => contact.id));
    if (mine.size === 0) continue;
    for (const action of snapshot.actions) {
      if (!isLive(action) || !isOpenActionStatus(action.status)) continue;
      if (action.owner?.kind !== 'careTeam' || !mine.has(action.owner.contactId)) continue;
      rows.push({
        planId,
        planName,
        personName: personName(snapshot),
        actionId: action.id,
        what: action.what,
        dueDate: action.dueDate,
        status: action.status,
        overdue: action.dueDate !== null && action.dueDate < today,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
      a.planName.localeCompare(b.planName, 'en-GB'),
  );
}

/** Plans whose review date is past (overdue) or within the next two weeks, soonest first. */
export function reviewsDue(plans: readonly PlanForMyWork[], today: string): ReviewDueRow[] {
  const horizon = addDays(today, REVIEW_DUE_WITHIN_DAYS);
  return plans
    .filter(({ snapshot }) => snapshot.agreement.reviewDate !== null && snapshot.agreement.reviewDate <= horizon)
    .map(({ planId, planName, snapshot }) => {
      const reviewDate = snapshot.agreement.reviewDate ?? today;
      return { planId, planName, personName: personName(snapshot), reviewDate, overdue: reviewDate < today };
    })
    .sort((a, b) => a.reviewDate.localeCompare(b.reviewDate) || a.planName.localeCompare(b.planName, 'en-GB'));
}
