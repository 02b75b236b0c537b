import type * as Y from 'yjs';
import {
  createItem,
  isRecordSectionKey,
  moveItem,
  removeItem,
  restoreItem,
  updateItem,
  updateRecordSection,
  type CollectionPath,
  type EditContext,
} from '../../../shared/plan';

/**
 * The screens address fields by runtime paths (built from the schema table), while
 * shared/plan's helpers are typed per path. This is the one place the two meet: the
 * helpers still check every value against the schema at run time and refuse a wrong one.
 */
function asCollectionPath(path: readonly string[]): CollectionPath {
  return path as unknown as CollectionPath;
}

/** Sets one field of a record section (['person']) or an item (['goals', id]). */
export function writePlanField(doc: Y.Doc, ownerPath: readonly string[], key: string, value: unknown): void {
  const [section] = ownerPath;
  if (ownerPath.length === 1 && section !== undefined && isRecordSectionKey(section)) {
    updateRecordSection(doc, section, { [key]: value } as never);
    return;
  }
  const id = ownerPath[ownerPath.length - 1];
  if (id === undefined) throw new Error('A field needs the record or item it belongs to');
  updateItem(doc, asCollectionPath(ownerPath.slice(0, -1)), id, { [key]: value } as never);
}

export function addPlanItem(doc: Y.Doc, collectionPath: readonly string[], context: EditContext): string {
  return createItem(doc, asCollectionPath(collectionPath), {} as never, context);
}

export function movePlanItem(doc: Y.Doc, collectionPath: readonly string[], id: string, index: number): void {
  moveItem(doc, asCollectionPath(collectionPath), id, index);
}

export function removePlanItem(doc: Y.Doc, collectionPath: readonly string[], id: string, context: EditContext): void {
  removeItem(doc, asCollectionPath(collectionPath), id, context);
}

export function restorePlanItem(doc: Y.Doc, collectionPath: readonly string[], id: string): void {
  restoreItem(doc, asCollectionPath(collectionPath), id);
}
