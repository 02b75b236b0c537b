import * as Y from 'yjs';
import { readFields, readItem, sortedItemEntries, type PlainRecord } from './field-storage';
import { readPlanSnapshot } from './read-plan-snapshot';
import type { CarePlanSnapshot } from './plan-snapshot';
import { collectionSections, recordSections, type CollectionSectionKey, type RecordSectionKey } from './plan-schema';

type FollowedKey = CollectionSectionKey | RecordSectionKey | 'meta';

/** What one transaction touched in one collection: item ids, and whether the order may have changed. */
interface CollectionChange {
  ids: Set<string>;
  order: boolean;
}

/**
 * The plan as plain data, kept up to date from the live document INCREMENTALLY: after a
 * transaction only the sections it touched are re-read, and within a list only the items
 * it touched. Everything else keeps its identity (===), so a screen that compares by
 * reference (React.memo, useSyncExternalStore selectors) re-renders only what changed —
 * a keystroke in one action of a 300-action plan re-reads one action, not the plan
 * (style.md 13: work per keystroke must not grow with the plan).
 *
 * The result always equals readPlanSnapshot(doc) (the unit test checks after random edits).
 */
export class PlanSnapshotFollower {
  private snapshot: CarePlanSnapshot;
  private readonly indexes = new Map<CollectionSectionKey, Map<string, number>>();
  private readonly collectionChanges = new Map<CollectionSectionKey, CollectionChange>();
  private readonly recordChanges = new Set<RecordSectionKey | 'meta'>();
  private readonly listeners = new Set<(changed: ReadonlySet<FollowedKey>) => void>();
  private readonly detach: Array<() => void> = [];

  constructor(private readonly doc: Y.Doc) {
    this.snapshot = readPlanSnapshot(doc);
    for (const key of Object.keys(collectionSections) as CollectionSectionKey[]) {
      this.reindex(key);
      this.follow(key, (events) => this.noteCollection(key, events));
    }
    for (const key of [...(Object.keys(recordSections) as RecordSectionKey[]), 'meta' as const]) {
      this.follow(key, () => this.recordChanges.add(key));
    }
    const flush = () => this.flush();
    doc.on('afterTransaction', flush);
    this.detach.push(() => doc.off('afterTransaction', flush));
  }

  current(): CarePlanSnapshot {
    return this.snapshot;
  }

  /** Called after each transaction that changed the plan, with the sections it changed. */
  subscribe(listener: (changed: ReadonlySet<FollowedKey>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    for (const undo of this.detach.splice(0)) undo();
    this.listeners.clear();
  }

  private follow(key: FollowedKey, onEvents: (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => void): void {
    const root = this.doc.getMap(key);
    root.observeDeep(onEvents);
    this.detach.push(() => root.unobserveDeep(onEvents));
  }

  private noteCollection(key: CollectionSectionKey, events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void {
    let change = this.collectionChanges.get(key);
    if (!change) {
      change = { ids: new Set(), order: false };
      this.collectionChanges.set(key, change);
    }
    for (const event of events) {
      const [first] = event.path;
      if (first === undefined) {
        // Items added or deleted at the top of the list.
        change.order = true;
        for (const id of event.keys.keys()) change.ids.add(id);
      } else if (typeof first === 'string') {
        change.ids.add(first);
        if (event.path.length === 1 && event.keys.has('position')) change.order = true;
      }
    }
  }

  private flush(): void {
    if (this.collectionChanges.size === 0 && this.recordChanges.size === 0) return;
    const changed = new Set<FollowedKey>();
    const next: Record<string, unknown> = { ...this.snapshot };
    for (const [key, change] of this.collectionChanges) {
      next[key] = this.rereadCollection(key, change);
      changed.add(key);
    }
    for (const key of this.recordChanges) {
      changed.add(key);
      if (key === 'meta') {
        const meta = this.doc.getMap('meta');
        const schemaVersion = meta.get('schemaVersion');
        const createdAt = meta.get('createdAt');
        next.meta = { schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 0, createdAt: typeof createdAt === 'string' ? createdAt : '' };
      } else {
        next[key] = readFields(this.doc.getMap(key), recordSections[key]);
      }
    }
    this.collectionChanges.clear();
    this.recordChanges.clear();
    // Built from a snapshot and re-read with the same readers readPlanSnapshot uses.
    this.snapshot = next as unknown as CarePlanSnapshot;
    for (const listener of [...this.listeners]) listener(changed);
  }

  private rereadCollection(key: CollectionSectionKey, change: CollectionChange): PlainRecord[] {
    const spec = collectionSections[key];
    const root = this.doc.getMap(key);
    const old = this.snapshot[key] as unknown as PlainRecord[];
    const index = this.indexes.get(key) ?? new Map<string, number>();
    const fresh = (id: string, item: unknown) => (item instanceof Y.Map ? readItem(id, item as Y.Map<unknown>, spec) : null);
    if (!change.order) {
      const items = old.slice();
      let consistent = true;
      for (const id of change.ids) {
        const at = index.get(id);
        const item = at === undefined ? null : fresh(id, root.get(id));
        if (at === undefined || item === null) consistent = false;
        else items[at] = item;
      }
      if (consistent) return items;
    }
    const items = sortedItemEntries(root).map(([id, item]) => {
      const at = index.get(id);
      const kept = at === undefined || change.ids.has(id) ? undefined : old[at];
      return kept ?? readItem(id, item, spec);
    });
    this.indexes.set(key, new Map(items.map((item, at) => [String(item.id), at])));
    return items;
  }

  private reindex(key: CollectionSectionKey): void {
    const items = this.snapshot[key] as unknown as PlainRecord[];
    this.indexes.set(key, new Map(items.map((item, at) => [String(item.id), at])));
  }
}
