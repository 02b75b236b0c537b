import * as Y from 'yjs';
import type { EditContext } from './edit-context';
import { insertItem, itemPosition, sortedItemEntries, writeFieldValue, type PlainRecord } from './field-storage';
import { isItemId, newItemId } from './new-item-id';
import { PlanPathError } from './plan-path-error';
import { resolveCollection, type ResolvedCollection } from './plan-path-resolution';
import type { CollectionPath, ItemAt, ItemInit, ItemPatch } from './plan-paths';
import { positionAfter, positionBetween } from './position-key';

/**
 * Adding, changing, reordering and (softly) removing items in any collection of the plan,
 * top level (['goals']) or nested (['goals', goalId, 'steps']). Each operation is one Yjs
 * transaction, so a peer sees it whole or not at all.
 */

function collectionAt(doc: Y.Doc, path: readonly string[]): ResolvedCollection {
  const found = resolveCollection(doc, path);
  if (!found) throw new PlanPathError(`There is no list at ${path.join(' > ')} in this plan`);
  return found;
}

function itemIn(collection: ResolvedCollection, id: string): Y.Map<unknown> {
  const item = collection.map.get(id);
  if (!(item instanceof Y.Map)) throw new PlanPathError(`There is no ${collection.spec.itemLabel} with id ${id}`);
  return item as Y.Map<unknown>;
}

function isRemoved(item: Y.Map<unknown>): boolean {
  return typeof item.get('removedAt') === 'string';
}

export interface CreateItemOptions {
  /** Place among the items still in the plan (not removed); default: at the end. */
  index?: number;
}

/** Adds an item with every field present, returns its id. */
export function createItem<const P extends CollectionPath>(
  doc: Y.Doc,
  path: P,
  init: ItemInit<ItemAt<P>>,
  context: EditContext,
  options: CreateItemOptions = {},
): string {
  const { id: givenId, ...values } = init as ItemInit<ItemAt<P>> & PlainRecord;
  const id = givenId ?? newItemId();
  if (!isItemId(id)) throw new PlanPathError(`"${String(id)}" cannot be used as an item id`);
  doc.transact(() => {
    const collection = collectionAt(doc, path);
    if (collection.map.has(id)) throw new PlanPathError(`A ${collection.spec.itemLabel} with id ${id} already exists`);
    const position = positionForIndex(collection, null, options.index);
    insertItem(collection.map, collection.spec, id, { position, created: context, removed: null }, values);
  });
  return id;
}

/** Sets some fields of an item; text fields given here replace the whole text. */
export function updateItem<const P extends CollectionPath>(
  doc: Y.Doc,
  path: P,
  id: string,
  patch: ItemPatch<ItemAt<P>>,
): void {
  doc.transact(() => {
    const collection = collectionAt(doc, path);
    const item = itemIn(collection, id);
    for (const [key, value] of Object.entries(patch as PlainRecord)) {
      const spec = collection.spec.fields[key];
      if (spec === undefined) throw new PlanPathError(`A ${collection.spec.itemLabel} has no field ${key}`);
      if (value === undefined) continue;
      writeFieldValue(item, key, spec, value);
    }
  });
}

/**
 * Moves an item to `index` among the items still in the plan. Only the moved item's
 * position changes, so a concurrent edit to it (or to anything else) is kept.
 */
export function moveItem<const P extends CollectionPath>(doc: Y.Doc, path: P, id: string, index: number): void {
  doc.transact(() => {
    const collection = collectionAt(doc, path);
    const item = itemIn(collection, id);
    item.set('position', positionForIndex(collection, id, index));
  });
}

/** Soft removal: the item stays in the document (and its history) marked as removed. */
export function removeItem<const P extends CollectionPath>(doc: Y.Doc, path: P, id: string, context: EditContext): void {
  doc.transact(() => {
    const item = itemIn(collectionAt(doc, path), id);
    if (isRemoved(item)) return;
    item.set('removedAt', context.at);
    item.set('removedBy', context.by);
  });
}

/** Brings a removed item back. */
export function restoreItem<const P extends CollectionPath>(doc: Y.Doc, path: P, id: string): void {
  doc.transact(() => {
    const item = itemIn(collectionAt(doc, path), id);
    item.set('removedAt', null);
    item.set('removedBy', null);
  });
}

/** Ids of the items in list order; removed ones only when asked. */
export function listItemIds<const P extends CollectionPath>(
  doc: Y.Doc,
  path: P,
  options: { includeRemoved?: boolean } = {},
): string[] {
  const collection = resolveCollection(doc, path);
  if (!collection) return [];
  return sortedItemEntries(collection.map)
    .filter(([, item]) => options.includeRemoved === true || !isRemoved(item))
    .map(([id]) => id);
}

/**
 * The order key for putting an item (`movingId`, or a new one when null) at `index`
 * among live items. Removed items keep their keys and are simply skipped.
 */
function positionForIndex(collection: ResolvedCollection, movingId: string | null, index: number | undefined): string {
  const all = sortedItemEntries(collection.map).filter(([id]) => id !== movingId);
  const live = all.filter(([, item]) => !isRemoved(item));
  const lastOverall = all[all.length - 1];
  if (index === undefined || index >= live.length) {
    // After everything, removed items included, so a new item never sorts among old ones.
    return positionAfter(lastOverall ? itemPosition(lastOverall[1]) : null);
  }
  const clamped = Math.max(0, Math.floor(index));
  const before = clamped > 0 ? live[clamped - 1] : undefined;
  const lower = before ? itemPosition(before[1]) : null;
  // The first key after `lower` among the following items: ties (two peers appending at
  // the same moment get the same key) are skipped rather than split.
  const upper = all.map(([, item]) => itemPosition(item)).find((position) => lower === null || position > lower);
  if (upper === undefined) return positionAfter(lower);
  if (lower === null && upper === '') return positionAfter(null);
  return positionBetween(lower, upper);
}
