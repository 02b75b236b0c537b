import * as Y from 'yjs';
import type { CollectionFieldSpec, FieldSpec, FieldSpecs } from './field-spec';
import type { EditContext } from './edit-context';
import { clonePersonRef, isPersonRef } from './person-ref';
import { comparePositions, isPositionKey } from './position-key';

/**
 * Reading and writing field values in Y.Maps according to their FieldSpec. Everything
 * that touches the document's field storage goes through here, so the storage rules in
 * field-spec.ts hold everywhere (read leniently, write strictly).
 */

export type PlainRecord = Record<string, unknown>;

/** The value a field holds in a brand-new record or item. */
export function emptyFieldValue(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'text':
      return new Y.Text();
    case 'idSet':
    case 'collection':
      return new Y.Map<unknown>();
    case 'choice':
      return spec.fallback;
    case 'flag':
      return false;
    case 'date':
    case 'integer':
    case 'personRef':
    case 'itemRef':
      return null;
  }
}

/** Sets every field to its empty value. Only for maps just created in this transaction. */
export function fillEmptyFields(map: Y.Map<unknown>, fields: FieldSpecs): void {
  for (const [key, spec] of Object.entries(fields)) map.set(key, emptyFieldValue(spec));
}

/**
 * Adds fields that are absent (a document from an older schema), recursing into existing
 * items of collections. Never touches a field that exists, so nobody's text is replaced.
 * Returns how many fields were added.
 */
export function addMissingFields(map: Y.Map<unknown>, fields: FieldSpecs): number {
  let added = 0;
  for (const [key, spec] of Object.entries(fields)) {
    if (!map.has(key)) {
      map.set(key, emptyFieldValue(spec));
      added += 1;
    }
    const value = map.get(key);
    if (spec.kind === 'collection' && value instanceof Y.Map) {
      for (const item of value.values()) {
        if (item instanceof Y.Map) added += addMissingFields(item as Y.Map<unknown>, spec.fields);
      }
    }
  }
  return added;
}

/** Replaces the whole content of a Y.Text (for programmatic writes; typing uses the Y.Text). */
function replaceText(map: Y.Map<unknown>, key: string, value: string): void {
  const existing = map.get(key);
  if (existing instanceof Y.Text) {
    if (existing.toString() === value) return;
    existing.delete(0, existing.length);
    existing.insert(0, value);
    return;
  }
  map.set(key, new Y.Text(value));
}

function syncIdSet(map: Y.Map<unknown>, key: string, ids: readonly string[]): void {
  let set = map.get(key);
  if (!(set instanceof Y.Map)) {
    set = new Y.Map<unknown>();
    map.set(key, set);
  }
  const target = set as Y.Map<unknown>;
  const wanted = new Set(ids);
  for (const id of [...target.keys()]) if (!wanted.has(id)) target.delete(id);
  for (const id of wanted) if (target.get(id) !== true) target.set(id, true);
}

/** Writes one scalar, text or id-set field. Sub-collections are changed through item operations. */
export function writeFieldValue(map: Y.Map<unknown>, key: string, spec: FieldSpec, value: unknown): void {
  switch (spec.kind) {
    case 'text':
      if (typeof value !== 'string') throw new TypeError(`${spec.label} must be text`);
      replaceText(map, key, value);
      return;
    case 'date':
    case 'itemRef':
      if (value !== null && typeof value !== 'string') throw new TypeError(`${spec.label} must be text or empty`);
      map.set(key, value);
      return;
    case 'choice':
      if (value === null ? spec.fallback !== null : typeof value !== 'string' || !spec.values.includes(value)) {
        throw new TypeError(`${spec.label} cannot be ${String(value)}`);
      }
      map.set(key, value);
      return;
    case 'integer':
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
        throw new TypeError(`${spec.label} must be a number or empty`);
      }
      map.set(key, value);
      return;
    case 'flag':
      if (typeof value !== 'boolean') throw new TypeError(`${spec.label} must be yes or no`);
      map.set(key, value);
      return;
    case 'personRef':
      if (value !== null && !isPersonRef(value)) throw new TypeError(`${spec.label} must name a person`);
      map.set(key, value === null ? null : clonePersonRef(value));
      return;
    case 'idSet':
      if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) {
        throw new TypeError(`${spec.label} must be a list of ids`);
      }
      syncIdSet(map, key, value as string[]);
      return;
    case 'collection':
      throw new TypeError(`${spec.label} is a list: add, change or remove its items one by one`);
  }
}

/** Reads one field as plain data, leniently: a malformed value reads as empty (shape checks report it). */
export function readFieldValue(map: Y.Map<unknown>, key: string, spec: FieldSpec): unknown {
  const value = map.get(key);
  switch (spec.kind) {
    case 'text':
      return value instanceof Y.Text ? value.toString() : '';
    case 'date':
    case 'itemRef':
      return typeof value === 'string' ? value : null;
    case 'choice':
      return typeof value === 'string' && spec.values.includes(value) ? value : spec.fallback;
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'flag':
      return value === true;
    case 'personRef':
      return isPersonRef(value) ? clonePersonRef(value) : null;
    case 'idSet':
      if (!(value instanceof Y.Map)) return [];
      return [...value.entries()]
        .filter(([, present]) => present === true)
        .map(([id]) => id)
        .sort();
    case 'collection':
      return value instanceof Y.Map ? readItems(value as Y.Map<unknown>, spec) : [];
  }
}

export function readFields(map: Y.Map<unknown>, fields: FieldSpecs): PlainRecord {
  const record: PlainRecord = {};
  for (const [key, spec] of Object.entries(fields)) record[key] = readFieldValue(map, key, spec);
  return record;
}

function positionOf(item: Y.Map<unknown>): string {
  const position = item.get('position');
  return isPositionKey(position) ? position : '';
}

/** The items of a collection map in list order (position, then id for ties). */
export function sortedItemEntries(collection: Y.Map<unknown>): Array<[string, Y.Map<unknown>]> {
  const entries: Array<[string, Y.Map<unknown>]> = [];
  for (const [id, item] of collection.entries()) {
    if (item instanceof Y.Map) entries.push([id, item as Y.Map<unknown>]);
  }
  return entries.sort(
    ([idA, a], [idB, b]) => comparePositions(positionOf(a), positionOf(b)) || comparePositions(idA, idB),
  );
}

export function itemPosition(item: Y.Map<unknown>): string {
  return positionOf(item);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function readItems(collection: Y.Map<unknown>, spec: CollectionFieldSpec): PlainRecord[] {
  return sortedItemEntries(collection).map(([id, item]) => readItem(id, item, spec));
}

/** One item as plain data (what readItems gives for it), so a reader can refresh just the items that changed. */
export function readItem(id: string, item: Y.Map<unknown>, spec: CollectionFieldSpec): PlainRecord {
  return {
    id,
    ...readFields(item, spec.fields),
    createdAt: stringOrNull(item.get('createdAt')) ?? '',
    createdBy: stringOrNull(item.get('createdBy')) ?? '',
    removedAt: stringOrNull(item.get('removedAt')),
    removedBy: stringOrNull(item.get('removedBy')),
  };
}

export interface NewItemBookkeeping {
  position: string;
  created: EditContext;
  removed: EditContext | null;
}

/**
 * Adds an item with EVERY field present from the start (see plan-schema.ts on why text is
 * never created lazily), then applies the given values. Call inside a transaction.
 */
export function insertItem(
  collection: Y.Map<unknown>,
  spec: CollectionFieldSpec,
  id: string,
  bookkeeping: NewItemBookkeeping,
  values: PlainRecord,
): Y.Map<unknown> {
  const item = new Y.Map<unknown>();
  collection.set(id, item);
  fillEmptyFields(item, spec.fields);
  item.set('position', bookkeeping.position);
  item.set('createdAt', bookkeeping.created.at);
  item.set('createdBy', bookkeeping.created.by);
  item.set('removedAt', bookkeeping.removed?.at ?? null);
  item.set('removedBy', bookkeeping.removed?.by ?? null);
  for (const [key, value] of Object.entries(values)) {
    const fieldSpec = spec.fields[key];
    if (fieldSpec === undefined || fieldSpec.kind === 'collection' || value === undefined) continue;
    writeFieldValue(item, key, fieldSpec, value);
  }
  return item;
}
