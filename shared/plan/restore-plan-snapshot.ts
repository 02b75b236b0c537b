import * as Y from 'yjs';
import { canonicalJson } from '../plan-diff/canonical-json';
import type { EditContext } from './edit-context';
import type { CollectionFieldSpec, FieldSpecs } from './field-spec';
import { insertItem, itemPosition, readFieldValue, sortedItemEntries, writeFieldValue, type PlainRecord } from './field-storage';
import type { CarePlanSnapshot } from './plan-snapshot';
import { collectionSections, recordSections } from './plan-schema';
import { positionAfter } from './position-key';

/**
 * Makes the live plan say what `target` says (an agreed version, or the plan as it was
 * before someone's changes) as ONE new forward change: never rewriting history, so it is
 * attributed, stored, shown in History of changes and synced to a meeting like any edit.
 *
 * - fields that differ are written back (text included, in whole);
 * - items of the target come back with their own ids, also after a hard delete;
 * - items added since are marked removed (not deleted), so they can come back too.
 * Fields and items already as in the target are not touched: no churn for others' edits.
 */
export function restorePlanSnapshot(doc: Y.Doc, target: CarePlanSnapshot, by: EditContext): void {
  doc.transact(() => {
    for (const [key, fields] of Object.entries(recordSections) as Array<[keyof typeof recordSections, FieldSpecs]>) {
      restoreRecord(doc.getMap(key), fields, target[key] as unknown as PlainRecord, by);
    }
    for (const [key, spec] of Object.entries(collectionSections) as Array<[keyof typeof collectionSections, CollectionFieldSpec]>) {
      restoreItems(doc.getMap(key), spec, target[key] as unknown as PlainRecord[], by);
    }
  });
}

function restoreRecord(map: Y.Map<unknown>, fields: FieldSpecs, values: PlainRecord, by: EditContext): void {
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.kind === 'collection') {
      let nested = map.get(key);
      if (!(nested instanceof Y.Map)) {
        nested = new Y.Map<unknown>();
        map.set(key, nested);
      }
      restoreItems(nested as Y.Map<unknown>, spec, (values[key] as PlainRecord[] | undefined) ?? [], by);
      continue;
    }
    const wanted = values[key];
    const present = map.has(key) ? readFieldValue(map, key, spec) : undefined;
    if (present === undefined || canonicalJson(present ?? null) !== canonicalJson(wanted ?? null)) writeFieldValue(map, key, spec, wanted);
  }
}

function restoreItems(collection: Y.Map<unknown>, spec: CollectionFieldSpec, items: readonly PlainRecord[], by: EditContext): void {
  const wanted = new Set(items.map((item) => item.id as string));
  const entries = sortedItemEntries(collection);
  let position: string | null = entries.length > 0 ? itemPosition(entries[entries.length - 1]?.[1] ?? new Y.Map()) : null;
  for (const item of items) {
    const id = item.id as string;
    const removedAt = (item.removedAt as string | null) ?? null;
    const existing = collection.get(id);
    if (existing instanceof Y.Map) {
      const itemMap = existing as Y.Map<unknown>;
      restoreRecord(itemMap, spec.fields, item, by);
      if ((itemMap.get('removedAt') ?? null) !== removedAt) {
        itemMap.set('removedAt', removedAt);
        itemMap.set('removedBy', removedAt === null ? null : ((item.removedBy as string | null) ?? by.by));
      }
      continue;
    }
    position = positionAfter(position);
    const flat: PlainRecord = {};
    for (const [key, fieldSpec] of Object.entries(spec.fields)) if (fieldSpec.kind !== 'collection') flat[key] = item[key];
    const itemMap = insertItem(
      collection,
      spec,
      id,
      {
        position,
        created: { at: (item.createdAt as string) || by.at, by: (item.createdBy as string) || by.by },
        removed: removedAt === null ? null : { at: removedAt, by: (item.removedBy as string | null) ?? by.by },
      },
      flat,
    );
    for (const [key, fieldSpec] of Object.entries(spec.fields)) {
      if (fieldSpec.kind === 'collection') restoreItems(itemMap.get(key) as Y.Map<unknown>, fieldSpec, (item[key] as PlainRecord[] | undefined) ?? [], by);
    }
  }
  for (const [id, itemMap] of collection.entries()) {
    if (wanted.has(id) || !(itemMap instanceof Y.Map) || itemMap.get('removedAt')) continue;
    itemMap.set('removedAt', by.at);
    itemMap.set('removedBy', by.by);
  }
}
