/**
 * NHS numbers: 10 digits, the last a modulus-11 check digit over the first nine (weights
 * 10 down to 2). People type them with spaces ("999 526 0182"), so spaces are allowed
 * in input and removed before checking. A wrong number is refused, never "corrected":
 * a typo could point at somebody else's record.
 */

/** The digits only, or null if anything other than digits and spaces was typed. */
export function normaliseNhsNumber(text: string): string | null {
  const compact = text.replace(/ /g, '');
  return /^\d+$/.test(compact) ? compact : null;
}

/** The check digit for nine digits, or null when no valid NHS number starts with them. */
export function nhsCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += Number(firstNine.charAt(index)) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** Null if valid; otherwise a plain explanation of what is wrong. */
export function validateNhsNumber(text: string): string | null {
  const digits = normaliseNhsNumber(text.trim());
  if (digits === null) return 'An NHS number is 10 digits (spaces are fine), for example 999 526 0182';
  if (digits.length !== 10) {
    return `An NHS number has 10 digits; this one has ${digits.length}`;
  }
  const expected = nhsCheckDigit(digits.slice(0, 9));
  if (expected === null) {
    return 'This is not a valid NHS number: no NHS number begins with these nine digits. Check it for a typing mistake';
  }
  if (Number(digits.charAt(9)) !== expected) {
    return 'This is not a valid NHS number: the last digit does not match the others. Check it for a typing mistake';
  }
  return null;
}

/** Shown as 3-3-4, the way it is printed on NHS letters. */
export function formatNhsNumber(text: string): string {
  const digits = normaliseNhsNumber(text);
  if (digits === null || digits.length !== 10) return text;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
