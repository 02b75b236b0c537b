import type { ExportContext } from './export-context';
import { buildMeetingMinutes, describeMinutesAction, describeMinutesPerson, type MeetingMinutes } from './minutes-model';
import { markdownText } from './plan-markdown';
import type { CarePlanSnapshot } from '../plan/plan-snapshot';
import { utf8Bytes } from './utf8-bytes';

function list(items: readonly string[], none: string): string[] {
  return items.length > 0 ? items.map((item) => `- ${markdownText(item)}`) : [`- ${none}`];
}

function labelled(label: string, value: string): string[] {
  return value.trim() ? [`**${label}:** ${markdownText(value)}`, ''] : [];
}

/** The minutes as Markdown, for pasting into another record. */
export function minutesMarkdownText(minutes: MeetingMinutes): string {
  const out: string[] = [
    `# Minutes — ${markdownText(minutes.title)}`,
    '',
    `> ${markdownText(minutes.versionText)} · minutes made ${minutes.generatedAt.slice(0, 10)}`,
    '',
    ...labelled('Date', minutes.date ?? 'not recorded'),
    ...labelled('Where', minutes.location),
    ...labelled('Chair', minutes.chair),
    ...labelled('Minutes taken by', minutes.minuteTaker),
    '## Attendees',
    '',
    ...list(minutes.attendees.map(describeMinutesPerson), 'None recorded'),
    '',
    '## Apologies',
    '',
    ...list(minutes.apologies.map(describeMinutesPerson), 'None'),
    '',
    '## Attendance',
    '',
    ...list(minutes.attendanceNotes, ''),
    '',
  ];
  if (minutes.preparation.trim()) out.push(...labelled('Information given before the meeting', minutes.preparation));
  if (minutes.carriedOver.length > 0) {
    out.push('## Actions carried over', '', ...list(minutes.carriedOver.map(describeMinutesAction), ''), '');
  }
  out.push('## Decisions', '');
  if (minutes.items.length === 0) out.push('No agenda items recorded.', '');
  minutes.items.forEach((item, index) => {
    out.push(
      `### ${index + 1}. ${markdownText(item.title || 'Agenda item')}`,
      '',
      ...labelled('Situation', item.situation),
      ...labelled('Discussion', item.discussion),
      ...labelled('Decision', item.decision || 'No decision recorded'),
      ...labelled('Reasoning', item.reasoning),
      ...labelled('Dissent', item.dissent),
      ...labelled("The person's own view", item.personView),
      ...labelled('Agency bottom lines', item.bottomLines),
    );
  });
  if (minutes.familyTime.trim()) out.push('## The family’s plan (shared by the family)', '', markdownText(minutes.familyTime), '');
  if (minutes.planAgreement.trim()) out.push('## Agreeing the plan', '', markdownText(minutes.planAgreement), '');
  out.push('## Actions agreed', '', ...list(minutes.actions.map(describeMinutesAction), 'No new actions'), '');
  out.push('## Next meeting', '', minutes.nextMeetingDate ?? 'Not yet set', '');
  return out.join('\n');
}

export function buildMinutesMarkdown(plan: CarePlanSnapshot, meetingId: string, context: ExportContext): Uint8Array {
  return utf8Bytes(minutesMarkdownText(buildMeetingMinutes(plan, meetingId, context)));
}
