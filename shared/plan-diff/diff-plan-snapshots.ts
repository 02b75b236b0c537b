import type { CollectionFieldSpec, FieldSpec, FieldSpecs } from '../plan/field-spec';
import { collectionSections, planSectionKeys, recordSections, type PlanSectionKey } from '../plan/plan-schema';
import type { CarePlanSnapshot, ItemBase, PersonRef } from '../plan/plan-snapshot';
import { sectionTitle } from '../plan/section-titles';
import { canonicalJson } from './canonical-json';
import { describeChoice } from './choice-words';

/**
 * "What changed between these two versions of the plan", in plain words per section:
 * "Goal added: 'Walk to the shops'", "Action 'OT home visit' — due date changed from
 * 2026-12-07 to 2026-12-14", "What is most important to me changed".
 *
 * Pure and generic: it walks the plan schema table (shared/plan/plan-schema.ts), so a
 * field added to the schema is compared, with its label, without touching this file.
 * Items are matched by their stable id, so reordering, renaming and concurrent edits never
 * read as "removed one, added another". A removed item stays in the snapshot with
 * removedAt set; here it reads as "removed", and coming back as "restored".
 */
export interface PlanChange {
  kind: 'added' | 'removed' | 'restored' | 'changed' | 'reordered';
  /** The whole change as one plain sentence. */
  text: string;
  /** The item it concerns, when it concerns one (for "take me there"). */
  itemId?: string;
}

export interface PlanSectionChanges {
  section: PlanSectionKey;
  title: string;
  changes: PlanChange[];
}

/**
 * Short text (a name, a date-like note, a warning sign) is quoted before and after; a
 * field that can hold paragraphs, or a value longer than QUOTE_LIMIT, is summarised as
 * "… changed": the reader opens the section to see it, and the summary stays readable.
 */
const QUOTE_LIMIT = 200;
const QUOTED_FIELD_MAX_LENGTH = 1_000;
const TITLE_LIMIT = 60;

/** The field that names an item in a sentence ("Goal 'Walk to the shops'"). */
const itemTitleFields: Readonly<Record<string, string>> = {
  strengths: 'text',
  needs: 'text',
  goals: 'words',
  actions: 'what',
  professionalContacts: 'name',
  personalContacts: 'name',
  contingencyPlans: 'name',
  supportPlans: 'name',
  services: 'name',
  meetings: 'date',
  steps: 'text',
  progress: 'date',
  triggers: 'text',
  doNotShare: 'who',
  sharingScopes: 'who',
  lastingPowersOfAttorney: 'attorneyName',
  advanceDecisions: 'decision',
  attendees: 'name',
  apologies: 'name',
  agendaItems: 'title',
};

function shorten(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1).trimEnd()}…`;
}

function quote(text: string, limit = TITLE_LIMIT): string {
  return `'${shorten(text, limit)}'`;
}

/** "Due date" -> "due date" mid-sentence, but "GP practice" and "NHS number" stay as they are. */
function midSentence(label: string): string {
  const second = label.charAt(1);
  return second && second === second.toLowerCase() ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function itemTitle(collectionKey: string, item: ItemBase): string {
  const field = itemTitleFields[collectionKey];
  const value = field ? (item as unknown as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value.trim() ? quote(value) : '(untitled)';
}

/** How a PersonRef reads: the contact's name as each version knew it. */
function personRefWords(plan: CarePlanSnapshot, ref: PersonRef | null): string {
  if (ref === null) return 'nobody';
  if (ref.kind === 'person') {
    const name = [plan.person.firstName.trim(), plan.person.familyName.trim()].filter(Boolean).join(' ');
    return name ? `${name} (the person)` : 'the person';
  }
  const list: readonly { id: string; name: string }[] = ref.kind === 'careTeam' ? plan.professionalContacts : plan.personalContacts;
  return list.find((contact) => contact.id === ref.contactId)?.name.trim() || 'someone not in the plan';
}

interface Side {
  plan: CarePlanSnapshot;
  value: unknown;
}

// Canonical, because a stored version's JSON has its keys sorted and a live snapshot does not.
function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** One field's change as sentences (none when it did not change). */
function fieldChange(spec: FieldSpec, before: Side, after: Side): string[] {
  if (spec.kind === 'collection') return [];
  if (sameValue(before.value, after.value)) return [];
  const label = spec.label;
  switch (spec.kind) {
    case 'text': {
      const from = typeof before.value === 'string' ? before.value.trim() : '';
      const to = typeof after.value === 'string' ? after.value.trim() : '';
      if (from === to) return [];
      if (!from) return spec.maxLength <= QUOTED_FIELD_MAX_LENGTH ? [`${label} added: ${quote(to, QUOTE_LIMIT)}`] : [`${label} added`];
      if (!to) return [`${label} cleared`];
      return spec.maxLength <= QUOTED_FIELD_MAX_LENGTH && from.length <= QUOTE_LIMIT && to.length <= QUOTE_LIMIT
        ? [`${label} changed from ${quote(from, QUOTE_LIMIT)} to ${quote(to, QUOTE_LIMIT)}`]
        : [`${label} changed`];
    }
    case 'date':
    case 'integer': {
      const from = before.value === null || before.value === undefined ? null : String(before.value);
      const to = after.value === null || after.value === undefined ? null : String(after.value);
      if (from === null) return [`${label} set to ${to}`];
      if (to === null) return [`${label} cleared (was ${from})`];
      return [`${label} changed from ${from} to ${to}`];
    }
    case 'choice': {
      const from = describeChoice(spec.values, before.value);
      const to = describeChoice(spec.values, after.value);
      if (from === null) return [`${label} set to ${to ?? 'nothing'}`];
      if (to === null) return [`${label} cleared (was ${from})`];
      return [`${label} changed from ${from} to ${to}`];
    }
    case 'flag':
      return [`${label}: ${after.value === true ? 'now yes' : 'now no'}`];
    case 'personRef':
      return [
        `${label} changed from ${personRefWords(before.plan, before.value as PersonRef | null)} to ${personRefWords(after.plan, after.value as PersonRef | null)}`,
      ];
    case 'idSet':
    case 'itemRef':
      return [`${label} changed`];
  }
}

function recordChanges(
  fields: FieldSpecs,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  from: CarePlanSnapshot,
  to: CarePlanSnapshot,
): Array<{ key: string; text: string }> {
  const out: Array<{ key: string; text: string }> = [];
  for (const [key, spec] of Object.entries(fields)) {
    for (const text of fieldChange(spec, { plan: from, value: before[key] }, { plan: to, value: after[key] })) out.push({ key, text });
  }
  return out;
}

// A plain boolean, not a type guard: "not live" must not narrow an item away.
function isLiveItem(item: ItemBase | undefined): boolean {
  return item !== undefined && item.removedAt === null;
}

/**
 * Changes inside one collection, as sentences. `prefix` names the parent for nested
 * collections ("Goal 'Walk to the shops' — "), '' at the top.
 */
function collectionChanges(
  collectionKey: string,
  spec: CollectionFieldSpec,
  beforeItems: readonly ItemBase[],
  afterItems: readonly ItemBase[],
  from: CarePlanSnapshot,
  to: CarePlanSnapshot,
  prefix: string,
): PlanChange[] {
  const out: PlanChange[] = [];
  const beforeById = new Map(beforeItems.map((item) => [item.id, item]));
  const afterById = new Map(afterItems.map((item) => [item.id, item]));
  const noun = prefix ? midSentence(spec.itemLabel) : capitalise(spec.itemLabel);
  const lead = (text: string) => (prefix ? `${prefix}${text}` : capitalise(text));

  for (const item of afterItems) {
    const previous = beforeById.get(item.id);
    const title = itemTitle(collectionKey, item);
    if (!isLiveItem(previous) && isLiveItem(item)) {
      const kind = previous ? 'restored' : 'added';
      out.push({ kind, text: lead(`${noun} ${kind}: ${title}`), itemId: item.id });
      continue;
    }
    if (previous && isLiveItem(previous) && !isLiveItem(item)) {
      out.push({ kind: 'removed', text: lead(`${noun} removed: ${itemTitle(collectionKey, previous)}`), itemId: item.id });
      continue;
    }
    if (!previous || !isLiveItem(previous) || !isLiveItem(item)) continue; // removed in both: history, not a change
    const subject = `${noun} ${itemTitle(collectionKey, previous)} — `;
    const beforeRecord = previous as unknown as Record<string, unknown>;
    const afterRecord = item as unknown as Record<string, unknown>;
    for (const { key, text } of recordChanges(spec.fields, beforeRecord, afterRecord, from, to)) {
      // A change to the words that name the item already quotes both: "Action: what will happen changed from…".
      const label = spec.fields[key]?.label ?? '';
      const sentence =
        key !== itemTitleFields[collectionKey]
          ? `${subject}${midSentence(text)}`
          : label.toLowerCase() === spec.itemLabel.toLowerCase()
            ? (prefix ? midSentence(text) : text)
            : `${noun}: ${midSentence(text)}`;
      out.push({ kind: 'changed', text: lead(sentence), itemId: item.id });
    }
    for (const [key, fieldSpec] of Object.entries(spec.fields)) {
      if (fieldSpec.kind !== 'collection') continue;
      const nestedBefore = (beforeRecord[key] ?? []) as ItemBase[];
      const nestedAfter = (afterRecord[key] ?? []) as ItemBase[];
      for (const change of collectionChanges(key, fieldSpec, nestedBefore, nestedAfter, from, to, lead(subject))) {
        out.push({ ...change, itemId: item.id });
      }
    }
  }
  // Items that vanished outright (not marked removed): still say so, nothing goes silently.
  for (const item of beforeItems) {
    if (!afterById.has(item.id) && isLiveItem(item)) {
      out.push({ kind: 'removed', text: lead(`${noun} removed: ${itemTitle(collectionKey, item)}`), itemId: item.id });
    }
  }
  const order = (items: readonly ItemBase[], other: Map<string, ItemBase>) =>
    items.filter((item) => isLiveItem(item) && isLiveItem(other.get(item.id))).map((item) => item.id);
  if (!sameValue(order(beforeItems, afterById), order(afterItems, beforeById))) {
    out.push({ kind: 'reordered', text: lead(`the order of the ${midSentence(spec.label)} changed`) });
  }
  return out;
}

/** Every change from `from` to `to`, grouped by section in the order the plan reads. Empty when nothing changed. */
export function diffPlanSnapshots(from: CarePlanSnapshot, to: CarePlanSnapshot): PlanSectionChanges[] {
  const sections: PlanSectionChanges[] = [];
  for (const section of planSectionKeys) {
    let changes: PlanChange[] = [];
    if (section in recordSections) {
      const fields = recordSections[section as keyof typeof recordSections] as FieldSpecs;
      const before = from[section] as unknown as Record<string, unknown>;
      const after = to[section] as unknown as Record<string, unknown>;
      changes = recordChanges(fields, before, after, from, to).map(({ text }) => ({ kind: 'changed' as const, text }));
      for (const [key, spec] of Object.entries(fields)) {
        if (spec.kind !== 'collection') continue;
        const nested = collectionChanges(key, spec, (before[key] ?? []) as ItemBase[], (after[key] ?? []) as ItemBase[], from, to, '');
        changes.push(...nested);
      }
    } else {
      const spec = collectionSections[section as keyof typeof collectionSections];
      changes = collectionChanges(section, spec, from[section] as ItemBase[], to[section] as ItemBase[], from, to, '');
    }
    if (changes.length > 0) sections.push({ section, title: sectionTitle(section), changes });
  }
  return sections;
}

/** How many changes in all: "12 changes", for a summary line. */
export function countChanges(sections: readonly PlanSectionChanges[]): number {
  return sections.reduce((sum, section) => sum + section.changes.length, 0);
}
