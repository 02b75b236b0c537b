import type { ItemBase, ItemBaseKey, PersonRef } from './plan-snapshot';

/**
 * How one field of the plan is stored and checked. The plan schema (plan-schema.ts) is a
 * table of these, and every generic operation — creating items, reading the snapshot,
 * migrating, checking a peer's document, length limits — walks that one table, so a new
 * field is added in one place and every operation learns about it.
 *
 * Storage in the Y.Doc by kind:
 *   text        Y.Text (character-level merge when two people type at once)
 *   date        'YYYY-MM-DD' string or null (last writer wins: a date is picked, not typed)
 *   choice      one of `values`, or `fallback` when unset
 *   integer     number or null
 *   flag        boolean
 *   personRef   a plain {kind, contactId?} object or null, written as ONE value so a
 *               concurrent change can never pair one person's kind with another's id
 *   itemRef     an item id string or null
 *   idSet       Y.Map<id, true>: concurrent additions of different ids both survive
 *   collection  Y.Map<id, Y.Map> of items, ordered by each item's `position` key
 */
export type FieldSpec =
  | TextFieldSpec
  | DateFieldSpec
  | ChoiceFieldSpec
  | IntegerFieldSpec
  | FlagFieldSpec
  | PersonRefFieldSpec
  | ItemRefFieldSpec
  | IdSetFieldSpec
  | CollectionFieldSpec;

export interface TextFieldSpec {
  kind: 'text';
  label: string;
  maxLength: number;
}
export interface DateFieldSpec {
  kind: 'date';
  label: string;
}
export interface ChoiceFieldSpec {
  kind: 'choice';
  label: string;
  values: readonly string[];
  /** Value when unset or unreadable; null means "not chosen". */
  fallback: string | null;
}
export interface IntegerFieldSpec {
  kind: 'integer';
  label: string;
  min: number;
  max: number;
}
export interface FlagFieldSpec {
  kind: 'flag';
  label: string;
}
export interface PersonRefFieldSpec {
  kind: 'personRef';
  label: string;
}
export interface ItemRefFieldSpec {
  kind: 'itemRef';
  label: string;
}
export interface IdSetFieldSpec {
  kind: 'idSet';
  label: string;
  maxItems: number;
  /** When set, only these values are allowed (e.g. section keys). */
  allowed?: readonly string[];
}
export interface CollectionFieldSpec {
  kind: 'collection';
  label: string;
  /** What one item is called in messages ("goal", "trigger"). */
  itemLabel: string;
  maxItems: number;
  fields: FieldSpecs;
}

export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

/**
 * The spec kind a snapshot value type must be stored as. Used with `satisfies` so the
 * schema table and the snapshot interfaces cannot drift apart silently.
 */
export type SpecFor<V> = [V] extends [boolean]
  ? FlagFieldSpec
  : [V] extends [PersonRef | null]
    ? PersonRefFieldSpec
    : [V] extends [string[]]
      ? IdSetFieldSpec
      : [V] extends [ItemBase[]]
        ? CollectionFieldSpec
        : [V] extends [number | null]
          ? IntegerFieldSpec
          : [V] extends [string]
            ? string extends V
              ? TextFieldSpec
              : ChoiceFieldSpec
            : [V] extends [string | null]
              ? string extends V
                ? DateFieldSpec | ItemRefFieldSpec
                : ChoiceFieldSpec
              : never;

/** A spec table covering exactly the non-bookkeeping fields of T, each of the right kind. */
export type FieldSpecsFor<T> = { readonly [K in Exclude<keyof T, ItemBaseKey>]-?: SpecFor<T[K]> };
