import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { actionUid, buildActionsIcs, buildActionsIcsText } from '../../../shared/export/actions-ics';
import { escapeIcsText, foldIcsLine } from '../../../shared/export/ics-text';
import { isLive } from '../../../shared/plan/plan-snapshot';
import { agreedContext, draftContext, JILL_PLAN_ID } from './export-contexts';
import { exampleJillPlan } from './fixtures/example-jill';
import { jillPlan } from './fixtures/jill-plan';
import { expectGolden } from './golden-file';

function todosOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vtodo');
}

describe("actions ICS of Jill's plan", () => {
  it('matches the golden file', () => {
    expectGolden('jill-actions.ics', buildActionsIcs(exampleJillPlan(), agreedContext));
  });

  it('parses with ical.js: one VTODO per dated action, with the right DUE dates', () => {
    const plan = exampleJillPlan();
    const dated = plan.actions.filter((action) => isLive(action) && action.dueDate !== null);
    expect(dated.length).toBeLessThan(plan.actions.length); // Jill's pendant alarm has no date.
    const todos = todosOf(buildActionsIcsText(plan, agreedContext));
    expect(todos).toHaveLength(dated.length);
    for (const action of dated) {
      const todo = todos.find((candidate) => candidate.getFirstPropertyValue('uid') === actionUid(JILL_PLAN_ID, action.id));
      expect(todo, action.what).toBeDefined();
      const due = todo!.getFirstPropertyValue('due') as ICAL.Time;
      expect(due.isDate).toBe(true);
      expect(due.toString()).toBe(action.dueDate);
      expect(todo!.getFirstPropertyValue('summary')).toBe(action.what);
      const description = String(todo!.getFirstPropertyValue('description'));
      expect(description).toContain('Agreed version 1 (2026-11-23)');
      expect(description).toContain(`plan ${JILL_PLAN_ID}`);
      expect(todo!.getFirstPropertyValue('status')).toBe('NEEDS-ACTION');
      expect(String(todo!.getFirstPropertyValue('dtstamp'))).toBe('2026-11-23T11:00:00Z');
    }
    const owners = todos.map((todo) => String(todo.getFirstPropertyValue('description')));
    expect(owners.some((text) => text.includes('Who: Sam Okoro (Occupational therapist)'))).toBe(true);
  });

  it('says DRAFT — not agreed in every to-do of a draft', () => {
    for (const todo of todosOf(buildActionsIcsText(jillPlan(), draftContext))) {
      expect(String(todo.getFirstPropertyValue('description'))).toContain('Plan version: DRAFT — not agreed');
    }
  });

  it('maps action status to VTODO STATUS', () => {
    const plan = jillPlan();
    plan.actions[0] = { ...plan.actions[0]!, status: 'done' };
    plan.actions[2] = { ...plan.actions[2]!, status: 'cancelled' };
    const statuses = todosOf(buildActionsIcsText(plan, agreedContext)).map((todo) => todo.getFirstPropertyValue('status'));
    expect(statuses).toEqual(['COMPLETED', 'IN-PROCESS', 'CANCELLED', 'NEEDS-ACTION', 'NEEDS-ACTION']);
  });

  it('round-trips awkward text: escaping, long lines and multi-byte characters', () => {
    const plan = jillPlan();
    const awkward = 'Zoë\'s "rails"; bath board, grab rail\\handle — 🏠 ' + 'ünïcödé '.repeat(20) + '\nsecond line';
    plan.actions[0] = { ...plan.actions[0]!, what: awkward };
    const text = buildActionsIcsText(plan, agreedContext);
    const summary = todosOf(text)[0]!.getFirstPropertyValue('summary');
    expect(summary).toBe(awkward);
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
