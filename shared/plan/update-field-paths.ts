import * as Y from 'yjs';
import { isCollectionSectionKey, isRecordSectionKey } from './plan-schema';

/**
 * Which plan fields one Yjs update touched, as dotted paths the history can name:
 * "aboutMe.whatMatters" for a record field, "actions.<itemId>.dueDate" for an item's
 * field, "actions.<itemId>" when an item itself was added, moved or removed.
 *
 * `doc` must already contain the update (it is read to find where each inserted or
 * deleted piece lives). Only the update's own structs and delete set are visited, so
 * the work follows the size of the update, never the size of the plan.
 */
/**
 * At most this many paths are kept per update: the history names a field only when one was
 * changed, so a whole example plan written at once needs no list of its hundreds of fields.
 */
export const MAX_FIELD_PATHS = 50;

export function updateFieldPaths(doc: Y.Doc, update: Uint8Array, limit = MAX_FIELD_PATHS): string[] {
  const decoded = Y.decodeUpdate(update);
  const paths = new Set<string>();
  const visit = (client: number, clock: number) => {
    if (paths.size >= limit) return;
    const path = pathOfStruct(doc, client, clock);
    if (path) paths.add(path);
  };
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item) visit(struct.id.client, struct.id.clock);
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const deletion of deletions) visit(client, deletion.clock);
  }
  return [...paths].sort();
}

function pathOfStruct(doc: Y.Doc, client: number, clock: number): string | null {
  let struct: unknown;
  try {
    struct = Y.getItem(doc.store, Y.createID(client, clock));
  } catch {
    return null; // not in this document (already garbage-collected): nothing to name
  }
  if (!(struct instanceof Y.Item)) return null;
  const keys: string[] = struct.parentSub === null ? [] : [struct.parentSub];
  let parent: unknown = struct.parent;
  while (parent instanceof Y.AbstractType && parent._item) {
    const holder: Y.Item = parent._item;
    if (holder.parentSub !== null) keys.unshift(holder.parentSub);
    parent = holder.parent;
  }
  if (!(parent instanceof Y.AbstractType)) return null;
  let root: string | null = null;
  for (const [name, shared] of doc.share) if (shared === parent) root = name;
  if (root === null) return null;
  // A record section names its field; a collection names the item, then its field.
  const depth = isRecordSectionKey(root) ? 1 : isCollectionSectionKey(root) ? 2 : 0;
  return [root, ...keys.slice(0, depth)].join('.');
}
