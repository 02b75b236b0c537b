import * as Y from 'yjs';
import { checkCollectionItem, checkCollectionOwn, checkPlanDocShape, checkRoot } from './check-plan-doc-shape';
import type { CollectionFieldSpec, FieldSpecs } from './field-spec';
import type { PlanProblem } from './plan-problem';
import { collectionSections, isCollectionSectionKey, isRecordSectionKey, recordSections } from './plan-schema';

/**
 * The parts of a plan one update can have changed, each the smallest unit that
 * checkPlanDocShape judges as a whole:
 * - 'root': a root (its own checks only, for a collection section; everything under it
 *   otherwise: meta and the record sections are a handful of fields);
 * - 'collection': a collection map's own checks (list content, item count);
 * - 'item': one item of a collection, with everything under it.
 * Checking these on the document before and after an update finds exactly the problems
 * the update introduced, at a cost that does not grow with the plan (style.md rule 13).
 */
export type ShapeScope =
  | { kind: 'root'; name: string }
  | { kind: 'collection'; path: readonly string[]; spec: CollectionFieldSpec }
  | { kind: 'item'; path: readonly string[]; spec: CollectionFieldSpec; id: string }
  /** Somewhere we cannot place (should not happen): check the whole document. */
  | { kind: 'everything' };

/** A Yjs transaction's `changed`: each changed type with the map keys changed (null: list content). */
export type ChangedTypes = Y.Transaction['changed'];
type SharedType = ChangedTypes extends Map<infer Type, unknown> ? Type : never;

/** Map keys from the root down to `type`, or null when it cannot be placed on `doc`. */
export function pathOfType(doc: Y.Doc, type: SharedType): string[] | null {
  const keys: string[] = [];
  let current: SharedType = type;
  while (current._item !== null) {
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    // Content in a type's list part: the parent itself is the changed unit (it now holds list content).
    if (current._item.parentSub === null) keys.length = 0;
    else keys.unshift(current._item.parentSub);
    current = parent;
  }
  for (const [name, root] of doc.share) if (root === current) return [name, ...keys];
  return null;
}

/** Root names an update touched: the sections recorded against it in the store and history. */
export function changedRootNames(doc: Y.Doc, changed: ChangedTypes): string[] {
  const names = new Set<string>();
  for (const type of changed.keys()) {
    const name = pathOfType(doc, type)?.[0];
    if (name !== undefined) names.add(name);
  }
  return [...names].sort();
}

export function shapeScopesOf(doc: Y.Doc, changed: ChangedTypes): ShapeScope[] {
  const scopes = new Map<string, ShapeScope>();
  const add = (scope: ShapeScope): void => void scopes.set(scopeKey(scope), scope);
  for (const [type, keys] of changed) {
    const path = pathOfType(doc, type);
    if (path === null) add({ kind: 'everything' });
    else for (const scope of scopesAt(path, keys)) add(scope);
  }
  return [...scopes.values()];
}

function scopeKey(scope: ShapeScope): string {
  switch (scope.kind) {
    case 'root':
      return `root\u0000${scope.name}`;
    case 'collection':
      return `collection\u0000${scope.path.join('\u0000')}`;
    case 'item':
      return `item\u0000${scope.path.join('\u0000')}\u0000${scope.id}`;
    case 'everything':
      return 'everything';
  }
}

/** Follows the schema down `path` to the smallest unit(s) holding the change. */
function scopesAt(path: readonly string[], keys: ReadonlySet<string | null>): ShapeScope[] {
  const [name] = path;
  if (name === undefined) return [{ kind: 'everything' }];
  const rootScope: ShapeScope = { kind: 'root', name };
  let collection: CollectionFieldSpec | null = null;
  let collectionPath: string[] = [];
  let fields: FieldSpecs = {};
  let item: ShapeScope = rootScope;
  if (isCollectionSectionKey(name)) {
    collection = collectionSections[name];
    collectionPath = [name];
  } else if (isRecordSectionKey(name)) {
    fields = recordSections[name];
  } else {
    return [rootScope];
  }
  let index = 1;
  for (;;) {
    if (collection !== null) {
      if (index === path.length) {
        // The collection map itself changed: its own checks, plus each item added, replaced or removed.
        const scopes: ShapeScope[] = [{ kind: 'collection', path: collectionPath, spec: collection }];
        if (collectionPath.length === 1) scopes.push(rootScope);
        for (const key of keys) if (key !== null) scopes.push({ kind: 'item', path: collectionPath, spec: collection, id: key });
        return scopes;
      }
      const id = path[index] ?? '';
      item = { kind: 'item', path: collectionPath, spec: collection, id };
      fields = collection.fields;
      collection = null;
      index += 1;
    }
    if (index === path.length) return [item];
    const key = path[index] ?? '';
    const spec = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (spec?.kind !== 'collection') return [item];
    collection = spec;
    collectionPath = path.slice(0, index + 1);
    index += 1;
  }
}

/** The map at `path` on `doc`, or null if there is none (or something else is there). */
function mapAt(doc: Y.Doc, path: readonly string[]): Y.Map<unknown> | null {
  const [name, ...keys] = path;
  if (name === undefined) return null;
  const root = doc.share.get(name);
  if (!root || (root.constructor !== Y.AbstractType && !(root instanceof Y.Map))) return null;
  let map: Y.Map<unknown> = doc.getMap(name);
  for (const key of keys) {
    const next = map.get(key);
    if (!(next instanceof Y.Map)) return null;
    map = next as Y.Map<unknown>;
  }
  return map;
}

/** checkPlanDocShape restricted to `scopes`: the same problems, for those parts only. */
export function checkPlanDocScopes(doc: Y.Doc, scopes: readonly ShapeScope[]): PlanProblem[] {
  if (scopes.some((scope) => scope.kind === 'everything')) return checkPlanDocShape(doc);
  const problems: PlanProblem[] = [];
  for (const scope of scopes) {
    if (scope.kind === 'root') {
      checkRoot(doc, scope.name, isCollectionSectionKey(scope.name) ? 'own' : 'whole', problems);
      continue;
    }
    if (scope.kind === 'everything') continue;
    const map = mapAt(doc, scope.path);
    if (map === null) continue;
    if (scope.kind === 'collection') checkCollectionOwn(map, scope.spec, [...scope.path], problems);
    else checkCollectionItem(map, scope.id, scope.spec, [...scope.path], problems);
  }
  return problems;
}
