import { formatUkDate } from '../../../shared/plan';
import type { PlainRecord } from '../plan/plain-record';
import { usePlanStore } from '../plan/plan-store-context';
import { restorePlanItem } from '../plan/plan-writes';
import { itemSummary } from './field-visibility';

interface RemovedItemsProps {
  collectionPath: readonly string[];
  items: ReadonlyArray<PlainRecord & { id: string }>;
  /** "Goal". */
  itemName: string;
  summaryKeys: readonly string[];
}

function when(moment: unknown): string {
  return typeof moment === 'string' ? formatUkDate(moment.slice(0, 10)) : '';
}

/** Nothing is deleted silently: removed items stay listed here, and can be restored. */
export function RemovedItems({ collectionPath, items, itemName, summaryKeys }: RemovedItemsProps) {
  const { doc } = usePlanStore();
  if (items.length === 0) return null;
  return (
    <details className="removed-items">
      <summary>
        Removed items ({items.length})
      </summary>
      <ul>
        {items.map((item) => {
          const name = itemSummary(item, summaryKeys) || `${itemName} with nothing written in it`;
          const by = typeof item.removedBy === 'string' && item.removedBy ? ` by ${item.removedBy}` : '';
          return (
            <li key={item.id} className="removed-items__item">
              <span>
                {name} <span className="field__hint">(removed{by} on {when(item.removedAt)})</span>
              </span>
              <button type="button" className="button" onClick={() => restorePlanItem(doc, collectionPath, item.id)}>
                Restore<span className="visually-hidden"> {name}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
