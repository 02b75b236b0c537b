import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { actionTodoUid, actionUid, buildActionsIcs, buildActionsIcsText, nextMeetingUid } from '../../../shared/export/actions-ics';
import { escapeIcsText, foldIcsLine } from '../../../shared/export/ics-text';
import { isLive } from '../../../shared/plan/plan-snapshot';
import { agreedContext, draftContext, JILL_PLAN_ID } from './export-contexts';
import { exampleJillPlan } from './fixtures/example-jill';
import { jillPlan } from './fixtures/jill-plan';
import { expectGolden } from './golden-file';

function componentsOf(text: string, kind: 'vevent' | 'vtodo') {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents(kind);
}

const eventsOf = (text: string) => componentsOf(text, 'vevent');
const todosOf = (text: string) => componentsOf(text, 'vtodo');

describe("calendar (ICS) of Jill's plan", () => {
  it('matches the golden file', () => {
    expectGolden('jill-actions.ics', buildActionsIcs(exampleJillPlan(), agreedContext));
  });

  it('parses with ical.js: one all-day VEVENT with DTSTART per dated action, plus the next meeting', () => {
    const plan = exampleJillPlan();
    const dated = plan.actions.filter((action) => isLive(action) && action.dueDate !== null);
    expect(dated.length).toBeLessThan(plan.actions.length); // Jill's pendant alarm has no date.
    const text = buildActionsIcsText(plan, agreedContext);
    expect(text).not.toContain('BEGIN:VTODO');
    const events = eventsOf(text);
    expect(events).toHaveLength(dated.length + 1);
    for (const action of dated) {
      const event = events.find((candidate) => candidate.getFirstPropertyValue('uid') === actionUid(JILL_PLAN_ID, action.id));
      expect(event, action.what).toBeDefined();
      const start = event!.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(start.isDate).toBe(true);
      expect(start.toString()).toBe(action.dueDate);
      const end = event!.getFirstPropertyValue('dtend') as ICAL.Time;
      expect(end.isDate).toBe(true);
      expect(end.subtractDate(start).days).toBe(1);
      expect(event!.getFirstPropertyValue('summary')).toBe(`${action.what} (Jill Marsh)`);
      const description = String(event!.getFirstPropertyValue('description'));
      expect(description).toContain('Agreed version 1 (2026-11-23)');
      expect(description).toContain(`plan ${JILL_PLAN_ID}`);
      expect(event!.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(String(event!.getFirstPropertyValue('dtstamp'))).toBe('2026-11-23T11:00:00Z');
    }
    const meeting = events.find((candidate) => candidate.getFirstPropertyValue('uid') === nextMeetingUid(JILL_PLAN_ID));
    const nextDate = plan.meetings.find(isLive)!.nextMeetingDate;
    expect(nextDate).not.toBeNull();
    expect(String(meeting!.getFirstPropertyValue('dtstart'))).toBe(nextDate);
    expect(meeting!.getFirstPropertyValue('summary')).toBe('Care plan meeting — Jill Marsh');
    const owners = events.map((event) => String(event.getFirstPropertyValue('description')));
    expect(owners.some((text) => text.includes('Who: Sam Okoro (Occupational therapist)'))).toBe(true);
  });

  it('keeps the same UIDs across two exports of the same plan, even after its text and dates change', () => {
    const plan = exampleJillPlan();
    const uids = (text: string) => eventsOf(text).map((event) => String(event.getFirstPropertyValue('uid')));
    const first = uids(buildActionsIcsText(plan, agreedContext));
    const second = uids(buildActionsIcsText(plan, { ...agreedContext, generatedAt: '2026-11-24T09:30:00.000Z' }));
    expect(new Set(first).size).toBe(first.length);
    expect(second).toEqual(first);
    const edited = structuredClone(plan);
    const dated = edited.actions.find((action) => isLive(action) && action.dueDate !== null)!;
    dated.what = 'Rearranged: ' + dated.what;
    dated.dueDate = '2027-01-15';
    expect(uids(buildActionsIcsText(edited, agreedContext))).toEqual(first);
  });

  it('writes to-dos only when asked, with UIDs of their own', () => {
    const plan = exampleJillPlan();
    const dated = plan.actions.filter((action) => isLive(action) && action.dueDate !== null);
    const text = buildActionsIcsText(plan, agreedContext, { todos: true });
    const todos = todosOf(text);
    expect(todos).toHaveLength(dated.length);
    expect(eventsOf(text)).toHaveLength(dated.length + 1);
    for (const action of dated) {
      const todo = todos.find((candidate) => candidate.getFirstPropertyValue('uid') === actionTodoUid(JILL_PLAN_ID, action.id));
      const due = todo!.getFirstPropertyValue('due') as ICAL.Time;
      expect(due.isDate).toBe(true);
      expect(due.toString()).toBe(action.dueDate);
    }
  });

  it('says DRAFT — not agreed in every event of a draft', () => {
    const events = eventsOf(buildActionsIcsText(jillPlan(), draftContext));
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(String(event.getFirstPropertyValue('description'))).toContain('Plan version: DRAFT — not agreed');
    }
  });

  it('maps action status to VEVENT and VTODO STATUS', () => {
    const plan = jillPlan();
    plan.actions[0] = { ...plan.actions[0]!, status: 'done' };
    plan.actions[2] = { ...plan.actions[2]!, status: 'cancelled' };
    const text = buildActionsIcsText(plan, agreedContext, { todos: true });
    const statuses = todosOf(text).map((todo) => todo.getFirstPropertyValue('status'));
    expect(statuses).toEqual(['COMPLETED', 'IN-PROCESS', 'CANCELLED', 'NEEDS-ACTION', 'NEEDS-ACTION']);
    const cancelled = eventsOf(text).find((event) => event.getFirstPropertyValue('uid') === actionUid(JILL_PLAN_ID, plan.actions[2]!.id));
    expect(cancelled!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('round-trips awkward text: escaping, long lines and multi-byte characters', () => {
    const plan = jillPlan();
    const awkward = 'Zoë\'s "rails"; bath board, grab rail\\handle — 🏠 ' + 'ünïcödé '.repeat(20) + '\nsecond line';
    plan.actions[0] = { ...plan.actions[0]!, what: awkward };
    const text = buildActionsIcsText(plan, agreedContext);
    const summary = eventsOf(text)[0]!.getFirstPropertyValue('summary');
    expect(summary).toBe(`${awkward} (Jill Marsh)`);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('ICS text helpers', () => {
  it('escapes backslash, semicolon, comma and newline', () => {
    expect(escapeIcsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const folded = foldIcsLine('SUMMARY:' + 'é'.repeat(100));
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('')).toBe('SUMMARY:' + 'é'.repeat(100));
  });
});
