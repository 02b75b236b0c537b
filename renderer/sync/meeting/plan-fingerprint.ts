import { sha256 } from '@noble/hashes/sha2.js';
import * as Y from 'yjs';
import { pathOfType } from '../../../shared/plan/check-plan-doc-scopes';
import { readFields, sortedItemEntries } from '../../../shared/plan/field-storage';
import { collectionSections, isCollectionSectionKey, planRootKeys, recordSections } from '../../../shared/plan/plan-schema';
import { canonicalJson } from '../../../shared/plan-diff';

const encoder = new TextEncoder();
const hex = (bytes: Uint8Array): string => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
const digest = (text: string): Uint8Array => sha256(encoder.encode(text));

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * A hash of what the plan SAYS (not of its edit history), kept up to date incrementally:
 * each item of each list has its own digest (SHA-256 of its canonical JSON), recomputed
 * only when a transaction touched that item; a list's digest is over its items' digests in
 * list order, a record section's over its canonical JSON; the plan's over the sections' in
 * a fixed order. Two copies with the same content give the same hash however their edits
 * arrived. The work per change follows the items it touched, not the plan's size, and none
 * of it happens on the keystroke path: only when a plan check needs the hash.
 */
export class PlanFingerprinter {
  readonly #sections = new Map<string, Uint8Array>();
  readonly #items = new Map<string, Map<string, Uint8Array>>();
  readonly #dirtySections = new Set<string>(planRootKeys);
  readonly #dirtyItems = new Map<string, Set<string>>();
  #hash: string | null = null;
  readonly #onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changed.size === 0) return;
    this.#hash = null;
    for (const [type, keys] of transaction.changed) {
      const path = pathOfType(this.doc, type);
      const [root, item] = path ?? [];
      if (root === undefined) {
        for (const key of planRootKeys) this.#dirtySections.add(key);
        continue;
      }
      if (!isCollectionSectionKey(root) || (item === undefined && keys.has(null))) {
        this.#dirtySections.add(root);
        continue;
      }
      const dirty = this.#dirtyItems.get(root) ?? new Set<string>();
      this.#dirtyItems.set(root, dirty);
      if (item !== undefined) dirty.add(item);
      else for (const key of keys) if (key !== null) dirty.add(key);
    }
  };

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.#onTransaction);
  }

  /** The content hash (64 hex characters), recomputing only what changed since last time. */
  contentHash(): string {
    if (this.#hash !== null) return this.#hash;
    const parts: Uint8Array[] = [];
    for (const key of planRootKeys) {
      const section = isCollectionSectionKey(key) ? this.#collectionDigest(key) : this.#recordDigest(key);
      parts.push(encoder.encode(`${key}:`), section);
    }
    this.#hash = hex(sha256(concat(parts)));
    return this.#hash;
  }

  dispose(): void {
    this.doc.off('afterTransaction', this.#onTransaction);
  }

  #recordDigest(key: string): Uint8Array {
    const cached = this.#sections.get(key);
    if (cached && !this.#dirtySections.has(key)) return cached;
    const map = this.doc.getMap(key);
    let content: unknown;
    if (key === 'meta') content = { schemaVersion: map.get('schemaVersion') ?? null, createdAt: map.get('createdAt') ?? null };
    else content = readFields(map, recordSections[key as keyof typeof recordSections]);
    const fresh = digest(canonicalJson(content));
    this.#sections.set(key, fresh);
    this.#dirtySections.delete(key);
    return fresh;
  }

  #collectionDigest(key: keyof typeof collectionSections): Uint8Array {
    const spec = collectionSections[key];
    const whole = this.#dirtySections.has(key) || !this.#items.has(key);
    const items = whole ? new Map<string, Uint8Array>() : (this.#items.get(key) ?? new Map<string, Uint8Array>());
    const dirty = this.#dirtyItems.get(key);
    const parts: Uint8Array[] = [];
    for (const [id, item] of sortedItemEntries(this.doc.getMap(key))) {
      let itemDigest = items.get(id);
      if (!itemDigest || dirty?.has(id)) {
        itemDigest = digest(
          canonicalJson({
            id,
            ...readFields(item, spec.fields),
            createdAt: stringOrNull(item.get('createdAt')) ?? '',
            createdBy: stringOrNull(item.get('createdBy')) ?? '',
            removedAt: stringOrNull(item.get('removedAt')),
            removedBy: stringOrNull(item.get('removedBy')),
          }),
        );
        items.set(id, itemDigest);
      }
      parts.push(itemDigest);
    }
    // Items no longer in the list leave the cache with the next whole recompute; harmless meanwhile.
    this.#items.set(key, items);
    this.#dirtyItems.delete(key);
    this.#dirtySections.delete(key);
    return sha256(concat(parts));
  }
}
