/**
 * Calendar dates as the plan stores them: 'YYYY-MM-DD'. A date must exist on the calendar
 * (2025-02-30 does not), because a review booked on a day that does not exist never happens.
 * Dates compare as strings, which is why the format is fixed-width.
 */
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isCalendarDate(text: string): boolean {
  return validateCalendarDate(text) === null;
}

/** Null if `text` is a real date, otherwise what is wrong, in plain words. */
export function validateCalendarDate(text: string): string | null {
  const match = datePattern.exec(text);
  if (!match) return 'Write the date as year-month-day, for example 2025-03-14';
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1850 || year > 2200) return `The year ${year} does not look right`;
  if (month < 1 || month > 12) return `There is no month ${month}: months go from 01 to 12`;
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) return `That day does not exist: this month has ${lastDay} days`;
  return null;
}

/** The calendar date `days` after `date` (negative for before). `date` must be valid. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const moment = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days));
  return moment.toISOString().slice(0, 10);
}

/** The same day `months` later, moved back to the month's last day when it has fewer days. */
export function addMonths(date: string, months: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const zeroBased = month - 1 + months;
  const targetYear = year + Math.floor(zeroBased / 12);
  const targetMonth = (((zeroBased % 12) + 12) % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/** The last day of the month `date` falls in ("this month"). */
export function endOfMonth(date: string): string {
  const [year = 1970, month = 1] = date.split('-').map(Number);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** The calendar date part of an ISO date-time ('2025-03-14T10:00:00Z' -> '2025-03-14'). */
export function dateOfMoment(moment: string): string | null {
  const date = moment.slice(0, 10);
  return isCalendarDate(date) ? date : null;
}
