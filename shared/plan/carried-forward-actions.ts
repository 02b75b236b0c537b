import { isLive, type Action, type ActionStatus, type CarePlanSnapshot, type Meeting } from './plan-snapshot';

/** Statuses that still need doing: these come back at the next meeting by themselves. */
const stillOpen: ReadonlySet<ActionStatus> = new Set<ActionStatus>(['open', 'inProgress', 'blocked']);

export interface CarriedForwardAction {
  action: Action;
  /** The meeting that agreed it, if it is recorded. */
  agreedAt: Meeting | null;
}

/**
 * The open actions the next meeting starts its agenda with (care-plan.md: "open actions
 * carry forward to the next meeting by themselves"). Derived from the plan every time,
 * never copied into a meeting record, so it cannot go stale and two people editing at
 * once cannot create duplicates. Oldest agreement first, then the earliest due date.
 */
export function carriedForwardActions(plan: CarePlanSnapshot): CarriedForwardAction[] {
  const meetings = new Map(plan.meetings.filter(isLive).map((meeting) => [meeting.id, meeting]));
  const sortKey = (entry: CarriedForwardAction) => `${entry.agreedAt?.date ?? '0000-00-00'}|${entry.action.dueDate ?? '9999-99-99'}`;
  return plan.actions
    .filter((action) => isLive(action) && stillOpen.has(action.status))
    .map((action) => ({ action, agreedAt: action.agreedAtMeetingId ? meetings.get(action.agreedAtMeetingId) ?? null : null }))
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}
