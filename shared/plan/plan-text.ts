import * as Y from 'yjs';
import { resolveField } from './plan-path-resolution';
import type { TextPath } from './plan-paths';

/**
 * The live Y.Text of a free-text field, for binding an input to it: two people typing in
 * the same field merge by character. Undefined if the path names nothing (e.g. an item a
 * peer has not sent yet); callers show the field as unavailable rather than creating it,
 * because creating text lazily is what loses typing (see plan-schema.ts).
 */
export function getPlanText(doc: Y.Doc, path: TextPath): Y.Text | undefined {
  const field = resolveField(doc, path);
  if (!field || field.spec.kind !== 'text') return undefined;
  const value = field.owner.get(field.key);
  return value instanceof Y.Text ? value : undefined;
}
