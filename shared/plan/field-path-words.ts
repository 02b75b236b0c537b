import type { FieldSpecs } from './field-spec';
import { collectionSections, isCollectionSectionKey, isRecordSectionKey, recordSections } from './plan-schema';
import type { CarePlanSnapshot } from './plan-snapshot';

/** How long an item's name may be inside a history line before it is shortened. */
const ITEM_NAME_CHARS = 40;

function itemName(item: Record<string, unknown>, fields: FieldSpecs): string {
  for (const [key, spec] of Object.entries(fields)) {
    const value = item[key];
    if (spec.kind === 'text' && typeof value === 'string' && value.trim()) {
      const text = value.trim().replace(/\s+/g, ' ');
      return text.length > ITEM_NAME_CHARS ? `${text.slice(0, ITEM_NAME_CHARS - 1)}…` : text;
    }
  }
  return '';
}

/**
 * A changed field's path ("aboutMe.whatMatters", "actions.<id>.dueDate", see
 * update-field-paths.ts) in the words on screen: "What is most important to me",
 * "Due date of action “OT home visit”". The item is named from the plan as it is now
 * (removed items included); null when the path names nothing in the plan's layout.
 */
export function fieldPathWords(path: string, plan: CarePlanSnapshot | null): string | null {
  const [section = '', itemId, field] = path.split('.');
  if (isRecordSectionKey(section)) {
    const fields: FieldSpecs = recordSections[section];
    return itemId ? (fields[itemId]?.label ?? null) : null;
  }
  if (!isCollectionSectionKey(section) || !itemId) return null;
  const spec = collectionSections[section];
  const item = plan?.[section].find((entry) => entry.id === itemId) as Record<string, unknown> | undefined;
  const name = item ? itemName(item, spec.fields) : '';
  const which = name ? `${spec.itemLabel} “${name}”` : `a ${spec.itemLabel}`;
  if (!field) return which.charAt(0).toUpperCase() + which.slice(1);
  const label = spec.fields[field]?.label;
  return label ? `${label} of ${which}` : which;
}
