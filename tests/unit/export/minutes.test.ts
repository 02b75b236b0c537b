import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../main/export/render-pdf';
import type { ExportContext } from '../../../shared/export/export-context';
import { buildNextMeetingIcsText, NoNextMeetingError } from '../../../shared/export/minutes-ics';
import { minutesMarkdownText } from '../../../shared/export/minutes-markdown';
import { buildMeetingMinutes, MeetingNotFoundError } from '../../../shared/export/minutes-model';
import { buildMinutesPdfModel } from '../../../shared/export/minutes-pdf-model';
import { examplePlanSnapshot, type CarePlanSnapshot } from '../../../shared/plan';

const dir = mkdtempSync(join(tmpdir(), 'carehouse-minutes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const context: ExportContext = { versionLabel: null, generatedAt: '2026-12-14T12:00:00.000Z', planId: 'plan-okonkwo' };

function okonkwo(): { plan: CarePlanSnapshot; meetingId: string } {
  const plan = examplePlanSnapshot('okonkwo', { today: '2026-12-14' });
  const meeting = plan.meetings[0];
  if (!meeting) throw new Error('the example has a meeting');
  // Dissent on one decision, and one apology, as a real conference has.
  const housing = meeting.agendaItems[0];
  if (housing) housing.dissent = 'Kevin Doyle: a priority transfer may take six months; repair first.';
  meeting.apologies = [{ id: 'apology-1', name: 'Dr Priya Shah', role: 'Paediatrician', organisation: 'Bristol Children’s Hospital', createdAt: '', createdBy: '', removedAt: null, removedBy: null, position: 'a0' } as (typeof meeting.apologies)[number]];
  return { plan, meetingId: meeting.id };
}

function pdfText(bytes: Uint8Array): string {
  const path = join(dir, `minutes-${Date.now()}-${Math.random()}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('minutes of a case conference', () => {
  it('list every attendee, apology, decision, dissent and action with owner and date, in Markdown and in the PDF', async () => {
    const { plan, meetingId } = okonkwo();
    const minutes = buildMeetingMinutes(plan, meetingId, context);
    expect(minutes.attendees.length).toBeGreaterThanOrEqual(9);
    expect(minutes.actions).toHaveLength(8);
    const markdown = minutesMarkdownText(minutes);
    const pdf = pdfText(await renderPdf(buildMinutesPdfModel(plan, meetingId, context)));
    for (const [format, text] of [['md', markdown], ['pdf', pdf]] as const) {
      for (const attendee of minutes.attendees) expect(text, `${format}: ${attendee.name}`).toContain(attendee.name);
      expect(text, format).toContain('Dr Priya Shah');
      for (const item of minutes.items) expect(text, `${format}: ${item.decision}`).toContain(item.decision.slice(0, 30));
      expect(text, format).toContain('a priority transfer may take six months');
      for (const action of minutes.actions) {
        expect(text, `${format}: ${action.what}`).toContain(action.what);
        expect(text, `${format}: ${action.what}`).toContain(`${action.owner}`);
        expect(text, `${format}: ${action.what}`).toContain(`by ${action.due}`);
      }
      expect(text, format).toContain('DRAFT — not agreed');
    }
  });

  it("leave out the family's private time until the family shares it", () => {
    const { plan, meetingId } = okonkwo();
    const meeting = plan.meetings[0]!;
    meeting.privateFamilyTime = 'Ada will take Daniel to school on Mondays.';
    expect(minutesMarkdownText(buildMeetingMinutes(plan, meetingId, context))).not.toContain('Ada will take Daniel');
    meeting.privateFamilyTimeShared = true;
    expect(minutesMarkdownText(buildMeetingMinutes(plan, meetingId, context))).toContain('Ada will take Daniel');
  });

  it('give the next meeting as an all-day calendar event, and refuse when there is no date', () => {
    const { plan, meetingId } = okonkwo();
    // Unfolded (RFC 5545 folds lines longer than 75 octets).
    const ics = buildNextMeetingIcsText(plan, meetingId, context).replace(/\r\n /g, '');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270314');
    expect(ics).toContain('DTEND;VALUE=DATE:20270315');
    expect(ics).toContain(`UID:plan-okonkwo.${meetingId}.next@carehouse.invalid`);
    plan.meetings[0]!.nextMeetingDate = null;
    expect(() => buildNextMeetingIcsText(plan, meetingId, context)).toThrow(NoNextMeetingError);
    expect(() => buildMeetingMinutes(plan, 'no-such-meeting', context)).toThrow(MeetingNotFoundError);
  });
});
