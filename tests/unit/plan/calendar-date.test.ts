import { describe, expect, it } from 'vitest';
import { addDays, addMonths, endOfMonth, validateCalendarDate } from '../../../shared/plan';

describe('calendar dates', () => {
  it('accepts real dates, including 29 February in a leap year', () => {
    expect(validateCalendarDate('2025-03-14')).toBeNull();
    expect(validateCalendarDate('2024-02-29')).toBeNull();
  });

  it('rejects days that do not exist', () => {
    expect(validateCalendarDate('2025-02-30')).toMatch(/day does not exist: this month has 28 days/);
    expect(validateCalendarDate('2025-02-29')).not.toBeNull();
    expect(validateCalendarDate('2025-13-01')).toMatch(/no month 13/);
    expect(validateCalendarDate('14/03/2025')).toMatch(/year-month-day/);
  });

  it('counts days and months the way the example plans need', () => {
    expect(addDays('2025-12-25', 14)).toBe('2026-01-08');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
  });
});
