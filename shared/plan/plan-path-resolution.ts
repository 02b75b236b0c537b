import * as Y from 'yjs';
import type { CollectionFieldSpec, FieldSpec } from './field-spec';
import { collectionSections, isCollectionSectionKey, isRecordSectionKey, recordSections } from './plan-schema';

/**
 * Following a path (see plan-paths.ts) to the spec, and to the live Yjs containers, it
 * names. Paths alternate: section, then (for collections) item id and field, repeated for
 * sub-collections. Unknown segments resolve to undefined rather than throwing, because
 * paths also arrive from the UI and from awareness messages.
 */

/** The spec of the field a path ends at, ignoring item ids (e.g. for length limits). */
export function fieldSpecAtPath(path: readonly string[]): FieldSpec | undefined {
  const [section, ...rest] = path;
  if (section === undefined) return undefined;
  if (isRecordSectionKey(section)) {
    const [field, ...tail] = rest;
    if (field === undefined) return undefined;
    const spec = recordSections[section][field as keyof (typeof recordSections)[typeof section]] as FieldSpec | undefined;
    return spec && tail.length > 0 ? fieldSpecWithin(spec, tail) : spec;
  }
  if (isCollectionSectionKey(section)) {
    const spec: FieldSpec = collectionSections[section];
    return rest.length > 0 ? fieldSpecWithin(spec, rest) : spec;
  }
  return undefined;
}

/** Below a collection spec the path is [itemId, field, ...]. */
function fieldSpecWithin(spec: FieldSpec, rest: readonly string[]): FieldSpec | undefined {
  if (spec.kind !== 'collection') return undefined;
  const [, field, ...tail] = rest;
  if (field === undefined) return undefined;
  const inner = spec.fields[field];
  if (inner === undefined) return undefined;
  return tail.length > 0 ? fieldSpecWithin(inner, tail) : inner;
}

export interface ResolvedCollection {
  map: Y.Map<unknown>;
  spec: CollectionFieldSpec;
}

/** The live map of items for a collection path, or undefined if any step is missing. */
export function resolveCollection(doc: Y.Doc, path: readonly string[]): ResolvedCollection | undefined {
  const [section, ...rest] = path;
  if (section === undefined) return undefined;
  let current: ResolvedCollection;
  let remaining: readonly string[];
  if (isCollectionSectionKey(section)) {
    current = { map: doc.getMap(section), spec: collectionSections[section] };
    remaining = rest;
  } else if (isRecordSectionKey(section)) {
    const [field, ...tail] = rest;
    if (field === undefined) return undefined;
    const spec = recordSections[section][field as keyof (typeof recordSections)[typeof section]] as FieldSpec | undefined;
    const map = doc.getMap(section).get(field);
    if (spec?.kind !== 'collection' || !(map instanceof Y.Map)) return undefined;
    current = { map: map as Y.Map<unknown>, spec };
    remaining = tail;
  } else {
    return undefined;
  }
  while (remaining.length > 0) {
    const [id, field, ...tail] = remaining;
    if (id === undefined || field === undefined) return undefined;
    const item = current.map.get(id);
    const spec = current.spec.fields[field];
    if (!(item instanceof Y.Map) || spec?.kind !== 'collection') return undefined;
    const map = item.get(field);
    if (!(map instanceof Y.Map)) return undefined;
    current = { map: map as Y.Map<unknown>, spec };
    remaining = tail;
  }
  return current;
}

export interface ResolvedField {
  /** The record or item map holding the field. */
  owner: Y.Map<unknown>;
  key: string;
  spec: FieldSpec;
}

/** The map holding the field a path ends at: [record, field] or [...collection, id, field]. */
export function resolveField(doc: Y.Doc, path: readonly string[]): ResolvedField | undefined {
  const key = path[path.length - 1];
  if (key === undefined || path.length < 2) return undefined;
  if (path.length === 2) {
    const [section] = path;
    if (section === undefined || !isRecordSectionKey(section)) return undefined;
    const spec = recordSections[section][key as keyof (typeof recordSections)[typeof section]] as FieldSpec | undefined;
    return spec ? { owner: doc.getMap(section), key, spec } : undefined;
  }
  const id = path[path.length - 2];
  const collection = resolveCollection(doc, path.slice(0, -2));
  if (id === undefined || collection === undefined) return undefined;
  const item = collection.map.get(id);
  const spec = collection.spec.fields[key];
  if (!(item instanceof Y.Map) || spec === undefined) return undefined;
  return { owner: item as Y.Map<unknown>, key, spec };
}
