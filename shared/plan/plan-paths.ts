import type {
  CarePlanSnapshot,
  Consent,
  ContingencyPlan,
  Goal,
  ItemBase,
  ItemBaseKey,
  Meeting,
} from './plan-snapshot';
import type { CollectionSectionKey, RecordSectionKey } from './plan-schema';

/**
 * Typed addresses into the plan. A path is an array of keys from the root: section key,
 * then item id and field for collections, e.g. ['goals', goalId, 'words'] or
 * ['meetings', meetingId, 'agendaItems', itemId, 'decision']. Paths are plain arrays so
 * they travel in validation problems, awareness ("Tom is editing ...") and tests.
 */

type ElementOf<A> = A extends readonly (infer E)[] ? E : never;

/** Keys of T holding item collections (arrays of items). */
export type CollectionKeys<T> = {
  [K in keyof T]-?: T[K] extends readonly ItemBase[] ? K : never;
}[keyof T];

/** Keys of T holding free text (stored as Y.Text). */
export type TextKeys<T> = {
  [K in keyof T]-?: K extends ItemBaseKey ? never : string extends T[K] ? (T[K] extends string ? K : never) : never;
}[keyof T];

type EachTail<Prefix extends readonly string[], K> = K extends string ? readonly [...Prefix, K] : never;

/**
 * Every collection in the plan, top level or nested inside an item or record. Built one
 * tuple per key (not ['goals' | 'needs', ...]) so each path maps to exactly one item type.
 */
export type CollectionPath =
  | EachTail<[], CollectionSectionKey>
  | EachTail<['goals', string], CollectionKeys<Goal>>
  | EachTail<['contingencyPlans', string], CollectionKeys<ContingencyPlan>>
  | EachTail<['meetings', string], CollectionKeys<Meeting>>
  | EachTail<['consent'], CollectionKeys<Consent>>;

/** The item type held by the collection at P. */
export type ItemAt<P extends CollectionPath> = P extends readonly [infer K extends CollectionSectionKey]
  ? ElementOf<CarePlanSnapshot[K]>
  : P extends readonly ['goals', string, infer F extends CollectionKeys<Goal>]
    ? ElementOf<Goal[F]>
    : P extends readonly ['contingencyPlans', string, infer F extends CollectionKeys<ContingencyPlan>]
      ? ElementOf<ContingencyPlan[F]>
      : P extends readonly ['meetings', string, infer F extends CollectionKeys<Meeting>]
        ? ElementOf<Meeting[F]>
        : P extends readonly ['consent', infer F extends CollectionKeys<Consent>]
          ? ElementOf<Consent[F]>
          : never;

/** Lists of ids may be given as read-only arrays; they are copied into the document. */
type InputValue<V> = V extends string[] ? readonly string[] : V;

/** Field values that may be set on an item (not its bookkeeping, not its sub-collections). */
export type ItemPatch<T> = { [K in Exclude<keyof T, ItemBaseKey | CollectionKeys<T>>]?: InputValue<T[K]> };

/** What a new item may start with; an id may be given (imports), otherwise one is made. */
export type ItemInit<T> = ItemPatch<T> & { id?: string };

/** Field values that may be set on a record section. */
export type RecordPatch<K extends RecordSectionKey> = ItemPatch<CarePlanSnapshot[K]>;

type ItemTextPath<P> = P extends CollectionPath ? EachTail<[...P, string], TextKeys<ItemAt<P>>> : never;
type RecordTextPath<K> = K extends RecordSectionKey ? EachTail<[K], TextKeys<CarePlanSnapshot[K]>> : never;

/** The address of any free-text field in the plan (the UI binds inputs to these). */
export type TextPath = RecordTextPath<RecordSectionKey> | ItemTextPath<CollectionPath>;
