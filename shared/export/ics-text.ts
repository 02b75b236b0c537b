import { utf8Length } from './utf8-bytes';

/** RFC 5545 3.3.11 TEXT escaping: backslash, semicolon, comma, and newlines as \n. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 3.1 folding: content lines longer than 75 octets are split with CRLF + one
 * space. Counted in UTF-8 octets and split only between characters, never inside a
 * multi-octet character (calendar programs reject broken UTF-8).
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line may hold 75 octets; continuation lines 74 plus the leading space.
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** '2026-11-23T11:00:00.000Z' -> '20261123T110000Z' (a UTC DATE-TIME). */
export function icsUtcDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date-time: ${iso}`);
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** '2026-12-07' -> '20261207' (a DATE value). */
export function icsDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Not a calendar date: ${date}`);
  return date.replace(/-/g, '');
}

/** '2026-12-07' -> '20261208': the exclusive end of an all-day event on that date. */
export function nextIcsDate(date: string): string {
  const start = icsDate(date);
  const next = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(4, 6)) - 1, Number(start.slice(6, 8)) + 1));
  return next.toISOString().slice(0, 10).replace(/-/g, '');
}
