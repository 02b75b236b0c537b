import type * as Y from 'yjs';

/**
 * Applies the difference between the text a field showed and what it shows now as one
 * delete + insert at the changed span, so concurrent typing elsewhere in the same field
 * (by another participant) merges character by character instead of being overwritten.
 */
export function applyTextDiff(text: Y.Text, before: string, after: string): void {
  if (before === after) return;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore -= 1;
    endAfter -= 1;
  }
  text.doc?.transact(() => {
    if (endBefore > start) text.delete(start, endBefore - start);
    if (endAfter > start) text.insert(start, after.slice(start, endAfter));
  });
}
