import { isLive, type ActionStatus, type CarePlanSnapshot } from '../plan/plan-snapshot';
import { versionText, type ExportContext } from './export-context';
import { escapeIcsText, foldIcsLine, icsDate, icsUtcDateTime } from './ics-text';
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

/** Stable across re-exports so a calendar updates the to-do instead of adding a copy. */
export function actionUid(planId: string, actionId: string): string {
  return `${planId}.${actionId}@carehouse.invalid`;
}

/**
 * Dated actions as an iCalendar file of VTODOs (to-dos have due dates; events would need
 * a time). Undated actions are left out: a calendar entry needs a date.
 */
export function buildActionsIcsText(snapshot: CarePlanSnapshot, context: ExportContext): string {
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
    `X-WR-CALNAME:${escapeIcsText(`Care plan actions — ${who} — ${version}`)}`,
  ];
  for (const action of plan.actions) {
    if (!isLive(action) || action.dueDate === null) continue;
    const goals = goalWordsFor(plan, action.goalIds);
    const description = [
      `Who: ${describePersonRef(plan, action.owner) || 'not yet decided'}`,
      `Status: ${actionStatusLabels[action.status]}`,
      goals.length ? `Goals: ${goals.join('; ')}` : '',
      action.checkedBy ? `Who checks: ${describePersonRef(plan, action.checkedBy)}` : '',
      action.notes ? `Notes: ${action.notes}` : '',
      `Care plan for ${who} (plan ${context.planId}, action ${action.id})`,
      `Plan version: ${version}`,
    ].filter(Boolean);
    lines.push(
      'BEGIN:VTODO',
      `UID:${actionUid(context.planId, action.id)}`,
      `DTSTAMP:${stamp}`,
      `DUE;VALUE=DATE:${icsDate(action.dueDate)}`,
      `SUMMARY:${escapeIcsText(action.what)}`,
      `DESCRIPTION:${escapeIcsText(description.join('\n'))}`,
      `STATUS:${todoStatus[action.status]}`,
      `CATEGORIES:${escapeIcsText('Care plan')}`,
      'END:VTODO',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

export function buildActionsIcs(snapshot: CarePlanSnapshot, context: ExportContext): Uint8Array {
  return utf8Bytes(buildActionsIcsText(snapshot, context));
}
