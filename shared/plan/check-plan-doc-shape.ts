import * as Y from 'yjs';
import type { CollectionFieldSpec, FieldSpec, FieldSpecs } from './field-spec';
import { isItemId } from './new-item-id';
import { isPersonRef } from './person-ref';
import { PLAN_SCHEMA_VERSION } from './plan-layout';
import type { PlanProblem } from './plan-problem';
import { collectionSections, isCollectionSectionKey, isRecordSectionKey, itemBookkeepingKeys, planRootKeys, recordSections } from './plan-schema';
import { isPositionKey } from './position-key';

/**
 * Is this document shaped like a plan? Used on a COPY with a peer's update (or an imported file)
 * applied, to refuse hostile or broken updates before they reach the real plan:
 * unknown roots, a root holding list content, a text field that is not a Y.Text, a value
 * of the wrong kind, a missing field (fields are created eagerly, so missing means
 * tampered), text over its limit, too many items. It reads only; every problem is blocking.
 */
export function checkPlanDocShape(doc: Y.Doc): PlanProblem[] {
  const problems: PlanProblem[] = [];
  for (const name of doc.share.keys()) checkRoot(doc, name, 'whole', problems);
  return problems;
}

/**
 * One root's checks. 'whole' checks everything under it; 'own' checks the root itself and,
 * for a collection section, its own list content and item count but none of its items
 * (check-plan-doc-scopes.ts checks the items an update touched one by one).
 */
export function checkRoot(doc: Y.Doc, name: string, depth: 'whole' | 'own', problems: PlanProblem[]): void {
  const root = doc.share.get(name);
  if (!root) return;
  if (!(planRootKeys as readonly string[]).includes(name)) {
    problems.push(problem([name], `"${name.slice(0, 60)}" is not part of a care plan`));
    return;
  }
  if (hasListContent(root)) problems.push(problem([name], `${name} holds a list where the plan keeps named fields`));
  // A root received in an update but never read is a bare placeholder; only a typed root
  // other than Y.Map (created locally by mistake) is the wrong kind.
  if (root.constructor !== Y.AbstractType && !(root instanceof Y.Map)) {
    problems.push(problem([name], `${name} is the wrong kind of shared data`));
    return;
  }
  const map = doc.getMap(name);
  if (name === 'meta') checkMeta(map, problems);
  else if (isRecordSectionKey(name)) checkFieldsIn(map, recordSections[name], [name], problems);
  else if (isCollectionSectionKey(name)) {
    if (depth === 'whole') checkCollection(map, collectionSections[name], [name], problems);
    else checkCollectionOwn(map, collectionSections[name], [name], problems);
  }
}

function problem(path: string[], message: string): PlanProblem {
  return { path, message, blocking: true };
}

/** True if any live list item hangs off the type (Y.Array/Y.Text content). */
function hasListContent(type: { _start: Y.Item | null }): boolean {
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) return true;
  return false;
}

function checkMeta(meta: Y.Map<unknown>, problems: PlanProblem[]): void {
  const version = meta.get('schemaVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > PLAN_SCHEMA_VERSION) {
    problems.push(problem(['meta', 'schemaVersion'], 'The plan version is missing or not one this app knows'));
  }
  if (typeof meta.get('createdAt') !== 'string') problems.push(problem(['meta', 'createdAt'], 'The plan has no creation time'));
  for (const key of meta.keys()) {
    if (key !== 'schemaVersion' && key !== 'createdAt') problems.push(problem(['meta', key], `Unknown detail "${key.slice(0, 60)}"`));
  }
}

function checkFieldsIn(map: Y.Map<unknown>, fields: FieldSpecs, path: string[], problems: PlanProblem[], extraKeys: readonly string[] = []): void {
  if (hasListContent(map)) problems.push(problem(path, 'Holds a list where named fields belong'));
  for (const key of map.keys()) {
    if (!Object.hasOwn(fields, key) && !extraKeys.includes(key)) {
      problems.push(problem([...path, key.slice(0, 60)], `Unknown field "${key.slice(0, 60)}"`));
    }
  }
  for (const [key, spec] of Object.entries(fields)) {
    if (!map.has(key)) {
      problems.push(problem([...path, key], `${spec.label} is missing`));
      continue;
    }
    checkValue(map.get(key), spec, [...path, key], problems);
  }
}

function isShortString(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length <= max;
}

function checkValue(value: unknown, spec: FieldSpec, path: string[], problems: PlanProblem[]): void {
  const wrongKind = (): void => void problems.push(problem(path, `${spec.label} has a value of the wrong kind`));
  switch (spec.kind) {
    case 'text':
      if (!(value instanceof Y.Text)) return wrongKind();
      if (value.length > spec.maxLength) problems.push(problem(path, `${spec.label} is longer than ${spec.maxLength} characters`));
      return;
    case 'date':
      if (value !== null && !isShortString(value, 10)) wrongKind();
      return;
    case 'itemRef':
      if (value !== null && !isItemId(value)) wrongKind();
      return;
    case 'choice':
      if (value === null ? spec.fallback !== null : typeof value !== 'string' || !spec.values.includes(value)) wrongKind();
      return;
    case 'integer':
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) wrongKind();
      return;
    case 'flag':
      if (typeof value !== 'boolean') wrongKind();
      return;
    case 'personRef':
      if (value !== null && !isPersonRef(value)) wrongKind();
      return;
    case 'idSet':
      if (!(value instanceof Y.Map) || hasListContent(value)) return wrongKind();
      if (value.size > spec.maxItems) problems.push(problem(path, `${spec.label} links too many items`));
      for (const [id, present] of value.entries()) {
        if (!isItemId(id) || present !== true) return wrongKind();
      }
      return;
    case 'collection':
      if (!(value instanceof Y.Map)) return wrongKind();
      checkCollection(value as Y.Map<unknown>, spec, path, problems);
      return;
  }
}

function checkCollection(map: Y.Map<unknown>, spec: CollectionFieldSpec, path: string[], problems: PlanProblem[]): void {
  checkCollectionOwn(map, spec, path, problems);
  for (const id of map.keys()) checkCollectionItem(map, id, spec, path, problems);
}

/** The collection map itself: no list content, not too many items. */
export function checkCollectionOwn(map: Y.Map<unknown>, spec: CollectionFieldSpec, path: string[], problems: PlanProblem[]): void {
  if (hasListContent(map)) problems.push(problem(path, `${spec.label} holds list content where items belong`));
  if (map.size > spec.maxItems) problems.push(problem(path, `${spec.label}: more than ${spec.maxItems} items`));
}

/** One item of a collection (nothing if the collection has no such key). */
export function checkCollectionItem(map: Y.Map<unknown>, id: string, spec: CollectionFieldSpec, path: string[], problems: PlanProblem[]): void {
  if (!map.has(id)) return;
  const item = map.get(id);
  const itemPath = [...path, id.slice(0, 64)];
  if (!isItemId(id)) problems.push(problem(itemPath, `A ${spec.itemLabel} has an unusable id`));
  if (!(item instanceof Y.Map)) {
    problems.push(problem(itemPath, `A ${spec.itemLabel} is not shaped like one`));
    return;
  }
  const entry = item as Y.Map<unknown>;
  if (!isPositionKey(entry.get('position'))) problems.push(problem([...itemPath, 'position'], `A ${spec.itemLabel} has no usable place in the list`));
  if (!isShortString(entry.get('createdAt'), 40) || !isShortString(entry.get('createdBy'), 200)) {
    problems.push(problem(itemPath, `A ${spec.itemLabel} does not say who added it and when`));
  }
  const removedAt = entry.get('removedAt');
  const removedBy = entry.get('removedBy');
  if ((removedAt !== null && !isShortString(removedAt, 40)) || (removedBy !== null && !isShortString(removedBy, 200))) {
    problems.push(problem(itemPath, `A ${spec.itemLabel} has unreadable removal details`));
  }
  checkFieldsIn(entry, spec.fields, itemPath, problems, itemBookkeepingKeys);
}
