import type { CarePlanSnapshot } from '../plan/plan-snapshot';
import type { ExportContext } from './export-context';
import { buildMeetingMinutes, describeMinutesAction, describeMinutesPerson, type MeetingMinutes } from './minutes-model';
import type { PdfBlock, PdfDocumentModel } from './pdf-document-model';

function keyValues(rows: Array<{ key: string; value: string }>): PdfBlock[] {
  const filled = rows.filter((row) => row.value.trim());
  return filled.length > 0 ? [{ kind: 'keyValues', rows: filled }] : [];
}

function listOr(items: string[], none: string): PdfBlock {
  return items.length > 0 ? { kind: 'list', items } : { kind: 'paragraph', text: none };
}

/**
 * The minutes as a page model for the existing PDF renderer (main/export/render-pdf.ts):
 * the same blocks as the person's plan, in ordinary (not large) type, one flowing page.
 */
export function minutesPdfModel(minutes: MeetingMinutes): PdfDocumentModel {
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: `Minutes: ${minutes.title}` },
    { kind: 'paragraph', text: minutes.versionText, strong: true },
    ...keyValues([
      { key: 'Date', value: minutes.date ?? 'Not recorded' },
      { key: 'Where', value: minutes.location },
      { key: 'Chair', value: minutes.chair },
      { key: 'Minutes taken by', value: minutes.minuteTaker },
    ]),
    { kind: 'heading', level: 2, text: 'Attendees' },
    listOr(minutes.attendees.map(describeMinutesPerson), 'None recorded.'),
    { kind: 'heading', level: 2, text: 'Apologies' },
    listOr(minutes.apologies.map(describeMinutesPerson), 'None.'),
    { kind: 'heading', level: 2, text: 'Attendance' },
    { kind: 'list', items: minutes.attendanceNotes },
  ];
  if (minutes.carriedOver.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Actions carried over' }, { kind: 'list', items: minutes.carriedOver.map(describeMinutesAction) });
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Decisions' });
  if (minutes.items.length === 0) blocks.push({ kind: 'paragraph', text: 'No agenda items recorded.' });
  minutes.items.forEach((item, index) => {
    blocks.push(
      { kind: 'paragraph', text: `${index + 1}. ${item.title || 'Agenda item'}`, strong: true },
      ...keyValues([
        { key: 'Situation', value: item.situation },
        { key: 'Discussion', value: item.discussion },
        { key: 'Decision', value: item.decision || 'No decision recorded' },
        { key: 'Reasoning', value: item.reasoning },
        { key: 'Dissent', value: item.dissent },
        { key: "The person's own view", value: item.personView },
        { key: 'Agency bottom lines', value: item.bottomLines },
      ]),
    );
  });
  if (minutes.familyTime.trim()) {
    blocks.push({ kind: 'heading', level: 2, text: "The family's plan (shared by the family)" }, { kind: 'paragraph', text: minutes.familyTime });
  }
  if (minutes.planAgreement.trim()) blocks.push({ kind: 'heading', level: 2, text: 'Agreeing the plan' }, { kind: 'paragraph', text: minutes.planAgreement });
  blocks.push(
    { kind: 'heading', level: 2, text: 'Actions agreed' },
    listOr(minutes.actions.map(describeMinutesAction), 'No new actions.'),
    { kind: 'heading', level: 2, text: 'Next meeting' },
    { kind: 'paragraph', text: minutes.nextMeetingDate ?? 'Not yet set.' },
  );
  return {
    title: `Minutes: ${minutes.title}`,
    lang: 'en-GB',
    author: 'CareHouse',
    subject: `Minutes of the ${minutes.kind.toLowerCase()} for ${minutes.personName}`,
    versionText: minutes.versionText,
    headerText: `Minutes — ${minutes.personName} — ${minutes.date ?? ''}`,
    footerText: `${minutes.title} · ${minutes.versionText}`,
    baseFontSize: 12,
    minFontSize: 10,
    createdAt: minutes.generatedAt,
    pages: [{ name: 'minutes', blocks, fitOnOnePage: false }],
  };
}

export function buildMinutesPdfModel(plan: CarePlanSnapshot, meetingId: string, context: ExportContext): PdfDocumentModel {
  return minutesPdfModel(buildMeetingMinutes(plan, meetingId, context));
}
