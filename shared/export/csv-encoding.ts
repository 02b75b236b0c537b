/**
 * RFC 4180 fields with spreadsheet formula injection neutralised. A cell beginning with
 * = + - @ (or a tab or carriage return, which some programs skip before looking) is run as
 * a formula by Excel, LibreOffice and Sheets; a leading single quote makes it plain text
 * (OWASP "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: quoted when it holds a quote, comma, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Records joined with CRLF, including after the last record (RFC 4180 allows either). */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The UTF-8 byte order mark, so Excel reads the file as UTF-8 rather than a legacy code page. */
export const UTF8_BOM = '\uFEFF';
