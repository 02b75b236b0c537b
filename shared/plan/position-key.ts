/**
 * Fractional order keys for collection items. An item's place in its list is a string
 * `position`; lists sort by position (then id, to break the tie two peers make when they
 * append at the same moment). Moving an item rewrites only its own position, so nobody's
 * concurrent edit to the item is lost and no item is ever duplicated by a move.
 *
 * Keys are base-36 digit strings read as a fraction after the point ("i" = 0.5), never
 * ending in "0", so there is always room between any two distinct keys.
 */
const digits = '0123456789abcdefghijklmnopqrstuvwxyz';
const maxPositionLength = 200;
const positionPattern = /^[0-9a-z]*[1-9a-z]$/;

export function isPositionKey(value: unknown): value is string {
  return typeof value === 'string' && value.length <= maxPositionLength && positionPattern.test(value);
}

/** Compare two keys by position; plain code-unit order is the numeric order of the fractions. */
export function comparePositions(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A key after `before` (or the first key of an empty list). Grows slowly when appending. */
export function positionAfter(before: string | null): string {
  if (before === null || before === '') return 'i';
  const first = digits.indexOf(before.charAt(0));
  if (first < digits.length - 1) return digits.charAt(first + 1);
  return 'z' + positionAfter(before.slice(1));
}

/**
 * A key strictly between `before` and `after` (either may be null for the list's ends).
 * Requires before < after; callers pass neighbours in sorted order.
 */
export function positionBetween(before: string | null, after: string | null): string {
  if (after === null) return positionAfter(before);
  const lower = before ?? '';
  if (lower >= after) throw new Error(`Order keys out of order: "${lower}" is not before "${after}"`);
  return midpoint(lower, after);
}

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Copy the common prefix (a padded with zeros), then find room after it.
    let n = 0;
    while (n < b.length && (a.charAt(n) || '0') === b.charAt(n)) n += 1;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a.length > 0 ? digits.indexOf(a.charAt(0)) : 0;
  const digitB = b !== null && b.length > 0 ? digits.indexOf(b.charAt(0)) : digits.length;
  if (digitB - digitA > 1) return digits.charAt(Math.round((digitA + digitB) / 2));
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return digits.charAt(digitA) + midpoint(a.slice(1), null);
}
