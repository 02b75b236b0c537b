import type { CarePlanSnapshot } from '../plan/plan-snapshot';
import { diffPlanSnapshots } from './diff-plan-snapshots';

/**
 * How much of the plan one change would take away, in plain words, so a large removal
 * from someone else can be HELD for the local user to accept or refuse
 * (renderer/sync/meeting/removal-hold.ts) instead of silently emptying the plan.
 */
export interface RemovalSummary {
  /** Items removed or vanished, per section title (e.g. { Goals: 3 }). */
  removedItems: ReadonlyMap<string, number>;
  /** Fields emptied ("What matters to me"). */
  clearedFields: readonly string[];
  /** Characters of text the plan would lose overall. */
  lostCharacters: number;
}

/** A section's worth of text, or several items: what "large" means for a held removal. */
export const LARGE_REMOVAL = { characters: 1_000, items: 3, clearedFields: 3 } as const;

function countCharacters(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce<number>((sum, entry) => sum + countCharacters(entry), 0);
  if (typeof value === 'object' && value !== null) return Object.values(value).reduce<number>((sum, entry) => sum + countCharacters(entry), 0);
  return 0;
}

export function summariseRemoval(before: CarePlanSnapshot, after: CarePlanSnapshot): RemovalSummary {
  const removedItems = new Map<string, number>();
  const clearedFields: string[] = [];
  for (const section of diffPlanSnapshots(before, after)) {
    for (const change of section.changes) {
      if (change.kind === 'removed') removedItems.set(section.title, (removedItems.get(section.title) ?? 0) + 1);
      else if (change.kind === 'changed' && / cleared( \(was .*\))?$/.test(change.text)) clearedFields.push(change.text.replace(/ cleared( \(was .*\))?$/, ''));
    }
  }
  return { removedItems, clearedFields, lostCharacters: Math.max(0, countCharacters(before) - countCharacters(after)) };
}

export function isLargeRemoval(summary: RemovalSummary): boolean {
  let items = 0;
  for (const count of summary.removedItems.values()) items += count;
  return (
    items >= LARGE_REMOVAL.items ||
    summary.lostCharacters >= LARGE_REMOVAL.characters ||
    summary.clearedFields.length >= LARGE_REMOVAL.clearedFields
  );
}

const listWords = (parts: readonly string[]): string =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;

/** "Tom Reid’s change would remove 3 items from Goals and empty “What is most important to me” (12,283 characters in all)." */
export function describeRemoval(who: string, summary: RemovalSummary): string {
  const parts: string[] = [];
  for (const [section, count] of summary.removedItems) parts.push(`${count} ${count === 1 ? 'item' : 'items'} from ${section}`);
  const removal = parts.length > 0 ? `remove ${listWords(parts)}` : '';
  const shown = summary.clearedFields.slice(0, 4).map((field) => `“${field}”`);
  const more = summary.clearedFields.length - shown.length;
  const emptied = shown.length > 0 ? `empty ${listWords(more > 0 ? [...shown, `${more} more fields`] : shown)}` : '';
  const what = [removal, emptied].filter(Boolean).join(' and ') || 'remove text';
  return `${who}’s change would ${what} (${summary.lostCharacters.toLocaleString('en-GB')} characters in all).`;
}
