import * as Y from 'yjs';
import { getPlanText, type TextPath } from '../../../shared/plan';

/**
 * A plan's state and then `count` one-character updates, as typing into one text field
 * produces them: what main is asked to store, keystroke by keystroke.
 */
export function keystrokeUpdates(doc: Y.Doc, path: TextPath, count: number): { initial: Uint8Array; updates: Uint8Array[] } {
  const initial = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array): void => void updates.push(update);
  doc.on('update', collect);
  const text = getPlanText(doc, path);
  if (!text) throw new Error(`no text at ${path.join('/')}`);
  for (let index = 0; index < count; index += 1) text.insert(text.length, 'a');
  doc.off('update', collect);
  return { initial, updates };
}
