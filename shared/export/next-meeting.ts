import { isLive, type CarePlanSnapshot } from '../plan/plan-snapshot';

/**
 * The date of the plan's next meeting, as of `today` (YYYY-MM-DD): the earliest of the
 * meetings already arranged after today (today's is the one being held) and the "next meeting" dates set at past
 * meetings. If every date is in the past, the one set most recently still goes (a calendar
 * shows a missed meeting better than none); null when no meeting has a next date.
 */
export function nextMeetingDate(plan: CarePlanSnapshot, today: string): string | null {
  const meetings = plan.meetings.filter(isLive);
  const upcoming = [
    ...meetings.flatMap((meeting) => (meeting.date !== null && meeting.date > today ? [meeting.date] : [])),
    ...meetings.flatMap((meeting) => (meeting.nextMeetingDate !== null && meeting.nextMeetingDate >= today ? [meeting.nextMeetingDate] : [])),
  ].sort();
  if (upcoming[0] !== undefined) return upcoming[0];
  const latest = meetings.filter((meeting) => meeting.nextMeetingDate !== null).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return latest.at(-1)?.nextMeetingDate ?? null;
}
