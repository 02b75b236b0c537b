import * as Y from 'yjs';
import type { CollectionFieldSpec, FieldSpecs } from './field-spec';
import { insertItem, itemPosition, sortedItemEntries, writeFieldValue, type PlainRecord } from './field-storage';
import { initialisePlanDoc } from './plan-layout';
import { PlanPathError } from './plan-path-error';
import type { CarePlanSnapshot } from './plan-snapshot';
import { collectionSections, recordSections } from './plan-schema';
import { positionAfter } from './position-key';
import { checkSnapshotShape } from './snapshot-shape';

/**
 * Loads a whole plan (an example plan, an import) into a document in ONE transaction:
 * record fields are set, items are added with their own ids and history details, in
 * order. Items whose id is already in the document are refused, so this never silently
 * overwrites anyone's work. The snapshot's shape is checked first because a Yjs
 * transaction cannot be undone halfway.
 */
export function writePlanSnapshot(doc: Y.Doc, snapshot: CarePlanSnapshot): void {
  const problems = checkSnapshotShape(snapshot);
  if (problems.length > 0) {
    const first = problems[0];
    throw new PlanPathError(`This plan cannot be loaded: ${first ? `${first.path.join(' > ')}: ${first.message}` : ''}`);
  }
  doc.transact(() => {
    initialisePlanDoc(doc, snapshot.meta.createdAt);
    for (const [key, fields] of Object.entries(recordSections) as Array<[keyof typeof recordSections, FieldSpecs]>) {
      writeRecord(doc.getMap(key), fields, snapshot[key] as unknown as PlainRecord);
    }
    for (const [key, spec] of Object.entries(collectionSections) as Array<[keyof typeof collectionSections, CollectionFieldSpec]>) {
      writeItems(doc.getMap(key), spec, snapshot[key] as unknown as PlainRecord[]);
    }
  });
}

function writeRecord(map: Y.Map<unknown>, fields: FieldSpecs, values: PlainRecord): void {
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.kind === 'collection') {
      let nested = map.get(key);
      if (!(nested instanceof Y.Map)) {
        nested = new Y.Map<unknown>();
        map.set(key, nested);
      }
      writeItems(nested as Y.Map<unknown>, spec, values[key] as PlainRecord[]);
    } else {
      writeFieldValue(map, key, spec, values[key]);
    }
  }
}

function writeItems(collection: Y.Map<unknown>, spec: CollectionFieldSpec, items: readonly PlainRecord[]): void {
  const existing = sortedItemEntries(collection);
  const lastExisting = existing[existing.length - 1];
  let position = lastExisting ? itemPosition(lastExisting[1]) : null;
  for (const item of items) {
    const id = item.id as string;
    if (collection.has(id)) throw new PlanPathError(`A ${spec.itemLabel} with id ${id} is already in this plan`);
    position = positionAfter(position);
    const removedAt = item.removedAt as string | null;
    const itemMap = insertItem(
      collection,
      spec,
      id,
      {
        position,
        created: { at: item.createdAt as string, by: item.createdBy as string },
        removed: removedAt === null ? null : { at: removedAt, by: (item.removedBy as string | null) ?? '' },
      },
      item,
    );
    for (const [key, fieldSpec] of Object.entries(spec.fields)) {
      if (fieldSpec.kind !== 'collection') continue;
      writeItems(itemMap.get(key) as Y.Map<unknown>, fieldSpec, item[key] as PlainRecord[]);
    }
  }
}
