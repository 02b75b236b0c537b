import { memo } from 'react';
import type { CollectionFieldSpec } from '../../../shared/plan';
import { FieldCellContext } from '../fields/field-cell-context';
import { ItemCard } from '../fields/item-card';
import { PlanField } from '../fields/plan-field';
import type { PlainRecord } from '../plan/plain-record';
import { countRender } from '../plan/render-probe';

export interface ItemTableRowProps {
  item: PlainRecord & { id: string };
  index: number;
  count: number;
  section: string;
  spec: CollectionFieldSpec;
  columns: readonly string[];
  /** "Goal": the row is "goal 2" to screen readers, its form is headed "Goal 2". */
  heading: string;
  summaryKeys: readonly string[];
  detailsOpen: boolean;
  onToggleDetails: (id: string) => void;
  onMove: (id: string, index: number, direction: 'up' | 'down') => void;
}

/** One item of a list as a table row, the fields a meeting changes in place; memoised (re-renders only when its item changes). */
export const ItemTableRow = memo(function ItemTableRow({ item, index, count, section, spec, columns, heading, summaryKeys, detailsOpen, onToggleDetails, onMove }: ItemTableRowProps) {
  countRender(`${section}-row:${item.id}`);
  const rowName = `${heading.toLowerCase()} ${index + 1}`;
  return (
    <>
      <tr className="item-table__row" data-item-row={item.id}>
        <FieldCellContext.Provider value={rowName}>
          {columns.map((key) => {
            const field = spec.fields[key];
            return (
              <td key={key}>
                {field ? <PlanField ownerPath={[section, item.id]} ownerPattern={`${section}[]`} fieldKey={key} spec={field} owner={item} level={3} /> : null}
              </td>
            );
          })}
          <td>
            <button type="button" className="button button--small" aria-expanded={detailsOpen} onClick={() => onToggleDetails(item.id)}>
              {detailsOpen ? 'Close' : 'Details'}
              <span className="visually-hidden"> of {rowName}</span>
            </button>
          </td>
        </FieldCellContext.Provider>
      </tr>
      {detailsOpen ? (
        <tr className="item-table__details">
          <td colSpan={columns.length + 1}>
            <ol className="item-list__items">
              <ItemCard
                item={item}
                index={index}
                count={count}
                heading={`${heading} ${index + 1}`}
                summaryKeys={summaryKeys}
                collectionPath={[section]}
                collectionPattern={section}
                spec={spec}
                level={3}
                focusOnMount={false}
                onMove={onMove}
              />
            </ol>
          </td>
        </tr>
      ) : null}
    </>
  );
});
