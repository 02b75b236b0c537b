import type { CarePlanSnapshot } from '../plan/plan-snapshot';
import type { ExportContext } from './export-context';
import { escapeIcsText, foldIcsLine, icsDate, icsUtcDateTime } from './ics-text';
import { buildMeetingMinutes } from './minutes-model';
import { utf8Bytes } from './utf8-bytes';

export class NoNextMeetingError extends Error {
  constructor() {
    super('Set the next meeting date first: the invitation needs a date.');
    this.name = 'NoNextMeetingError';
  }
}

/** The day after a YYYY-MM-DD date (all-day events end the next day, RFC 5545). */
function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * A calendar invitation for the next meeting: one all-day VEVENT on its date (the time is
 * agreed by whoever sends it). The UID is stable per meeting, so sending it again updates
 * the same calendar entry rather than adding a second.
 */
export function buildNextMeetingIcsText(plan: CarePlanSnapshot, meetingId: string, context: ExportContext): string {
  const minutes = buildMeetingMinutes(plan, meetingId, context);
  if (minutes.nextMeetingDate === null) throw new NoNextMeetingError();
  const description = [
    `Next ${minutes.kind.toLowerCase()} for ${minutes.personName}.`,
    minutes.date ? `Follows the meeting on ${minutes.date}.` : '',
    minutes.actions.length > 0 ? `Actions to review: ${minutes.actions.map((action) => action.what).join('; ')}` : '',
  ].filter(Boolean);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CareHouse//Meeting invitation//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${context.planId}.${meetingId}.next@carehouse.invalid`,
    `DTSTAMP:${icsUtcDateTime(context.generatedAt)}`,
    `DTSTART;VALUE=DATE:${icsDate(minutes.nextMeetingDate)}`,
    `DTEND;VALUE=DATE:${icsDate(nextDay(minutes.nextMeetingDate))}`,
    `SUMMARY:${escapeIcsText(`${minutes.kind}: ${minutes.personName}`)}`,
    `DESCRIPTION:${escapeIcsText(description.join('\n'))}`,
    ...(minutes.location.trim() ? [`LOCATION:${escapeIcsText(minutes.location)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

export function buildNextMeetingIcs(plan: CarePlanSnapshot, meetingId: string, context: ExportContext): Uint8Array {
  return utf8Bytes(buildNextMeetingIcsText(plan, meetingId, context));
}
