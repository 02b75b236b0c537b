import { validateCalendarDate } from './calendar-date';

/**
 * Dates as people in UK care read and write them. The plan stores 'YYYY-MM-DD' (see
 * calendar-date.ts); every screen and export shows "14 Dec 2026", and date entry takes
 * day-month-year ("14/12/2026", "14-12-2026", "14 Dec 2026") — never the US month-first
 * order a browser's own date picker may impose.
 */
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "14 Dec 2026" for a stored date; '' for none; a value that is not a real date is shown as stored. */
export function formatUkDate(date: string | null | undefined): string {
  if (!date) return '';
  if (validateCalendarDate(date) !== null) return date;
  const [year, month, day] = date.split('-').map(Number);
  const name = monthNames[(month ?? 1) - 1] ?? '';
  return `${day} ${name.slice(0, 3)} ${year}`;
}

/** The stored date, or what is wrong with the text in plain words. */
export type UkDateParse = { ok: true; date: string } | { ok: false; problem: string };

const isoPattern = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const numericPattern = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d+)$/;
const namedPattern = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d+)$/;

function monthFromName(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower.length < 3) return null;
  const index = monthNames.findIndex((name) => name.toLowerCase().startsWith(lower) || (lower === 'sept' && name === 'September'));
  return index === -1 ? null : index + 1;
}

function stored(year: string, month: number, day: number): string {
  return `${year.padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a typed date, day first. A two-digit year is refused rather than guessed: "1/2/30"
 * could be a birth in 1930 or a review in 2030, and a wrong century is a wrong plan.
 */
export function parseUkDate(text: string): UkDateParse {
  const typed = text.trim();
  if (typed === '') return { ok: false, problem: 'Write a date as day, month, year, for example 14/12/2026' };
  let year: string;
  let month: number;
  let day: number;
  const iso = isoPattern.exec(typed);
  const numeric = numericPattern.exec(typed);
  const named = namedPattern.exec(typed);
  if (iso) {
    year = iso[1] ?? '';
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else if (numeric) {
    day = Number(numeric[1]);
    month = Number(numeric[2]);
    year = numeric[3] ?? '';
  } else if (named) {
    const fromName = monthFromName(named[2] ?? '');
    if (fromName === null) return { ok: false, problem: `"${named[2] ?? ''}" is not a month: write for example 14 Dec 2026` };
    day = Number(named[1]);
    month = fromName;
    year = named[3] ?? '';
  } else {
    return { ok: false, problem: 'Write the date as day, month, year, for example 14/12/2026 or 14 Dec 2026' };
  }
  if (year.length !== 4) return { ok: false, problem: 'Write the year in full, for example 2026' };
  const date = stored(year, month, day);
  const wrong = validateCalendarDate(date);
  return wrong === null ? { ok: true, date } : { ok: false, problem: wrong.replace(/from 01 to 12/, 'from 1 to 12') };
}
