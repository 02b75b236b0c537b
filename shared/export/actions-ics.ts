import { isLive, type Action, type ActionStatus, type CarePlanSnapshot } from '../plan/plan-snapshot';
import { generatedDate, versionText, type ExportContext } from './export-context';
import { escapeIcsText, foldIcsLine, icsDate, icsUtcDateTime, nextIcsDate } from './ics-text';
import { nextMeetingDate } from './next-meeting';
import { actionStatusLabels } from './plain-labels';
import { describePersonRef, goalWordsFor, personFullName } from './plan-people';
import { applySharingLimits } from './sharing-limits';
import { utf8Bytes } from './utf8-bytes';

/** VTODO STATUS values (RFC 5545 3.8.1.11); "held up" has none, so it stays NEEDS-ACTION. */
const todoStatus: Record<ActionStatus, string> = {
  open: 'NEEDS-ACTION',
  inProgress: 'IN-PROCESS',
  done: 'COMPLETED',
  blocked: 'NEEDS-ACTION',
  cancelled: 'CANCELLED',
};

/** VEVENT STATUS has only TENTATIVE / CONFIRMED / CANCELLED: a cancelled action cancels its event. */
function eventStatus(status: ActionStatus): string {
  return status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED';
}

/**
 * Stable across re-exports (plan id + action id, nothing that changes with the text or the
 * date) so a calendar re-importing an updated plan updates the entry instead of adding a copy.
 */
export function actionUid(planId: string, actionId: string): string {
  return `${planId}.${actionId}@carehouse.invalid`;
}

/** The to-do of the same action: a different UID, because UIDs are unique across components. */
export function actionTodoUid(planId: string, actionId: string): string {
  return `${planId}.${actionId}.todo@carehouse.invalid`;
}

/** One UID for "the next meeting" of a plan, so a rescheduled meeting moves rather than duplicates. */
export function nextMeetingUid(planId: string): string {
  return `${planId}.next-meeting@carehouse.invalid`;
}

export interface CalendarOptions {
  /** Also write each dated action as a VTODO (for task lists that import to-dos). */
  todos: boolean;
}

function allDayEvent(uid: string, stamp: string, date: string, summary: string, description: string, status: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(date)}`,
    // RFC 5545 3.6.1: an all-day event ends (exclusively) on the next day.
    `DTEND;VALUE=DATE:${nextIcsDate(date)}`,
    `SUMMARY:${escapeIcsText(summary)}`,
    `DESCRIPTION:${escapeIcsText(description)}`,
    `STATUS:${status}`,
    // An all-day reminder must not block the day in anyone's free/busy.
    'TRANSP:TRANSPARENT',
    `CATEGORIES:${escapeIcsText('Care plan')}`,
    'END:VEVENT',
  ];
}

/**
 * The plan's calendar: each dated action as an all-day VEVENT (Outlook, Google and Apple
 * calendars import events; most ignore VTODO), the next meeting as an all-day event, and
 * optionally each dated action as a VTODO too. Undated actions are left out: a calendar
 * entry needs a date.
 */
export function buildActionsIcsText(snapshot: CarePlanSnapshot, context: ExportContext, options: CalendarOptions = { todos: false }): string {
  const { plan } = applySharingLimits(snapshot, context);
  const version = versionText(context);
  const who = personFullName(plan);
  const stamp = icsUtcDateTime(context.generatedAt);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CareHouse//Care plan actions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(`Care plan — ${who} — ${version}`)}`,
  ];
  const dated = plan.actions.filter((action): action is Action & { dueDate: string } => isLive(action) && action.dueDate !== null);
  const describe = (action: Action): string => {
    const goals = goalWordsFor(plan, action.goalIds);
    return [
      `Who: ${describePersonRef(plan, action.owner) || 'not yet decided'}`,
      `Status: ${actionStatusLabels[action.status]}`,
      goals.length ? `Goals: ${goals.join('; ')}` : '',
      action.checkedBy ? `Who checks: ${describePersonRef(plan, action.checkedBy)}` : '',
      action.notes ? `Notes: ${action.notes}` : '',
      `Care plan for ${who} (plan ${context.planId}, action ${action.id})`,
      `Plan version: ${version}`,
    ]
      .filter(Boolean)
      .join('\n');
  };
  for (const action of dated) {
    lines.push(...allDayEvent(actionUid(context.planId, action.id), stamp, action.dueDate, `${action.what} (${who})`, describe(action), eventStatus(action.status)));
  }
  const meeting = nextMeetingDate(plan, generatedDate(context));
  if (meeting !== null) {
    const description = [`Next care planning meeting for ${who} (plan ${context.planId})`, `Plan version: ${version}`].join('\n');
    lines.push(...allDayEvent(nextMeetingUid(context.planId), stamp, meeting, `Care plan meeting — ${who}`, description, 'CONFIRMED'));
  }
  if (options.todos) {
    for (const action of dated) {
      lines.push(
        'BEGIN:VTODO',
        `UID:${actionTodoUid(context.planId, action.id)}`,
        `DTSTAMP:${stamp}`,
        `DUE;VALUE=DATE:${icsDate(action.dueDate)}`,
        `SUMMARY:${escapeIcsText(`${action.what} (${who})`)}`,
        `DESCRIPTION:${escapeIcsText(describe(action))}`,
        `STATUS:${todoStatus[action.status]}`,
        `CATEGORIES:${escapeIcsText('Care plan')}`,
        'END:VTODO',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

export function buildActionsIcs(snapshot: CarePlanSnapshot, context: ExportContext, options?: CalendarOptions): Uint8Array {
  return utf8Bytes(buildActionsIcsText(snapshot, context, options));
}
