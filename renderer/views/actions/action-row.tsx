import { memo, useCallback, useMemo } from 'react';
import { collectionSections, formatUkDate, type Action } from '../../../shared/plan';
import { FieldCellContext } from '../fields/field-cell-context';
import { ItemCard } from '../fields/item-card';
import { PlanField } from '../fields/plan-field';
import { describePersonRef } from '../fields/person-ref-options';
import type { PlainRecord } from '../plan/plain-record';
import { usePlanReadingSections, usePlanStore } from '../plan/plan-store-context';
import { movePlanItem } from '../plan/plan-writes';
import { countRender } from '../plan/render-probe';
import { isActionOverdue } from './action-order';

export type ActionColumns = 'glance' | 'edit';

interface ActionRowProps {
  action: Action;
  index: number;
  count: number;
  columns: ActionColumns;
  goalNames: ReadonlyMap<string, string>;
  today: string;
  detailsOpen: boolean;
  onToggleDetails: (id: string) => void;
  /** Set when the table draws only some rows: this row's place among all of them (header = 1). */
  ariaRowIndex?: number | undefined;
}

const spec = collectionSections.actions;
const actionsPath = ['actions'] as const;
const peopleSections = ['person', 'professionalContacts', 'personalContacts'] as const;
const detailFields = Object.keys(spec.fields);

function Cell({ action, fieldKey }: { action: Action; fieldKey: string }) {
  const field = spec.fields[fieldKey];
  if (!field) return null;
  return <PlanField ownerPath={[...actionsPath, action.id]} ownerPattern="actions[]" fieldKey={fieldKey} spec={field} owner={action as unknown as PlainRecord} level={3} />;
}

/** Who, in words, for the glance (the edit table has the picker instead). */
function OwnerText({ action }: { action: Action }) {
  const snapshot = usePlanReadingSections(peopleSections);
  return <span dir="auto">{action.owner ? describePersonRef(snapshot, action.owner) : 'Nobody yet'}</span>;
}

/** One action as a table row; memoised, so it re-renders only when its own action changes. */
export const ActionRow = memo(function ActionRow({ action, index, count, columns, goalNames, today, detailsOpen, onToggleDetails, ariaRowIndex }: ActionRowProps) {
  countRender(`action-row:${action.id}`);
  const { doc } = usePlanStore();
  const rowName = `action ${index + 1}`;
  const overdue = isActionOverdue(action, today);
  const goals = useMemo(() => action.goalIds.map((id) => goalNames.get(id)).filter((name): name is string => name !== undefined), [action.goalIds, goalNames]);
  const move = useCallback((id: string, at: number, direction: 'up' | 'down') => movePlanItem(doc, actionsPath, id, direction === 'up' ? at - 1 : at + 1), [doc]);
  const edit = columns === 'edit';
  return (
    <>
      <tr className={`actions-table__row${overdue ? ' actions-table__row--overdue' : ''}`} data-action-row={action.id} data-row-index={index} aria-rowindex={ariaRowIndex}>
        <FieldCellContext.Provider value={rowName}>
          <td className="actions-table__what">{edit ? <Cell action={action} fieldKey="what" /> : <span dir="auto">{action.what.trim() || 'No description yet'}</span>}</td>
          <td className="actions-table__who">{edit ? <Cell action={action} fieldKey="owner" /> : <OwnerText action={action} />}</td>
          <td className="actions-table__when">
            {edit ? <Cell action={action} fieldKey="dueDate" /> : <span>{formatUkDate(action.dueDate) || 'No date'}</span>}
            {overdue ? <span className="badge badge--overdue">Overdue</span> : null}
          </td>
          <td className="actions-table__status">
            <Cell action={action} fieldKey="status" />
          </td>
          <td className="actions-table__goal" dir="auto" title={goals.join("; ") || undefined}>
            {goals.length > 0 ? goals.join('; ') : <span className="muted">No goal linked</span>}
          </td>
          {edit ? (
            <td>
              <button type="button" className="button button--small" aria-expanded={detailsOpen} onClick={() => onToggleDetails(action.id)}>
                {detailsOpen ? 'Close' : 'Details'}
                <span className="visually-hidden"> of {rowName}</span>
              </button>
            </td>
          ) : null}
        </FieldCellContext.Provider>
      </tr>
      {edit && detailsOpen ? (
        <tr className="actions-table__details" aria-rowindex={ariaRowIndex === undefined ? undefined : ariaRowIndex + 1}>
          <td colSpan={6}>
            <ol className="item-list__items">
              <ItemCard
                item={action as unknown as PlainRecord & { id: string }}
                index={index}
                count={count}
                heading={`Action ${index + 1}`}
                summaryKeys={['what']}
                collectionPath={actionsPath}
                collectionPattern="actions"
                spec={spec}
                level={3}
                only={detailFields}
                focusOnMount={false}
                onMove={move}
              />
            </ol>
          </td>
        </tr>
      ) : null}
    </>
  );
});
