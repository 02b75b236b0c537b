import { describe, expect, it } from 'vitest';
import { buildActionsCsvText } from '../../../shared/export/actions-csv';
import { actionStatusLabels, goalStatusLabels } from '../../../shared/export/plain-labels';
import { actionStatuses, actionStatusWords, examplePlanSnapshot, formatUkDate, goalStatuses, goalStatusWords, parseUkDate } from '../../../shared/plan';
import { choiceLabel } from '../../../renderer/views/fields/choice-labels';

describe('UK dates', () => {
  it('shows a stored date as "14 Dec 2026", nothing for none, and an impossible value as stored', () => {
    expect(formatUkDate('2026-12-14')).toBe('14 Dec 2026');
    expect(formatUkDate('2025-03-02')).toBe('2 Mar 2025');
    expect(formatUkDate(null)).toBe('');
    expect(formatUkDate('')).toBe('');
    expect(formatUkDate('2025-02-30')).toBe('2025-02-30');
  });

  it('reads day-month-year in the ways people type it', () => {
    for (const typed of ['14/12/2026', '14-12-2026', '14.12.2026', '14 12 2026', ' 14 / 12 / 2026 ', '14 Dec 2026', '14 December 2026', '14th december 2026', '2026-12-14']) {
      expect(parseUkDate(typed), typed).toEqual({ ok: true, date: '2026-12-14' });
    }
    // Day first: 3/4/2026 is the 3rd of April, never March the 4th.
    expect(parseUkDate('3/4/2026')).toEqual({ ok: true, date: '2026-04-03' });
    expect(parseUkDate('1 Sept 2026')).toEqual({ ok: true, date: '2026-09-01' });
  });

  it('refuses, in plain words, what is not a real date or is ambiguous', () => {
    expect(parseUkDate('12/14/2026')).toEqual({ ok: false, problem: 'There is no month 14: months go from 1 to 12' });
    expect(parseUkDate('30/02/2026')).toEqual({ ok: false, problem: 'That day does not exist: this month has 28 days' });
    expect(parseUkDate('1/2/30')).toEqual({ ok: false, problem: 'Write the year in full, for example 2026' });
    expect(parseUkDate('14 Smarch 2026').ok).toBe(false);
    expect(parseUkDate('next Tuesday').ok).toBe(false);
    expect(parseUkDate('').ok).toBe(false);
  });

  it('round-trips every day of a leap year through the shown form', () => {
    let day = new Date(Date.UTC(2028, 0, 1));
    while (day.getUTCFullYear() === 2028) {
      const stored = day.toISOString().slice(0, 10);
      expect(parseUkDate(formatUkDate(stored))).toEqual({ ok: true, date: stored });
      day = new Date(day.getTime() + 86_400_000);
    }
  });
});

describe('one status vocabulary', () => {
  it('the exports and the screens use the same words, from one source', () => {
    expect(actionStatusLabels).toBe(actionStatusWords);
    expect(goalStatusLabels).toBe(goalStatusWords);
    for (const status of actionStatuses) expect(choiceLabel(status, actionStatuses)).toBe(actionStatusWords[status]);
    for (const status of goalStatuses) expect(choiceLabel(status, goalStatuses)).toBe(goalStatusWords[status]);
    // 'active' is a goal status and a service status: the list decides the words.
    expect(choiceLabel('active', goalStatuses)).toBe('Working on it');
    expect(choiceLabel('active')).toBe('Active');
  });

  it('the CSV export of a real plan says exactly the screen words', () => {
    const jill = examplePlanSnapshot('jill', { today: '2026-11-23' });
    // One action in each status, so every word is exercised.
    const snapshot = { ...jill, actions: jill.actions.slice(0, actionStatuses.length).map((action, index) => ({ ...action, status: actionStatuses[index] ?? 'open' })) };
    const csv = buildActionsCsvText(snapshot, { versionLabel: null, generatedAt: '2026-11-23T10:00:00Z', planId: 'plan-1' });
    expect(new Set(snapshot.actions.map((action) => action.status)).size).toBe(actionStatuses.length);
    for (const action of snapshot.actions) expect(csv).toContain(choiceLabel(action.status, actionStatuses));
  });
});
