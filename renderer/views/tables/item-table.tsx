import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { collectionSections, type CollectionSectionKey } from '../../../shared/plan';
import { fieldHint, fieldLabel, itemLabel } from '../fields/field-labels';
import { Heading } from '../fields/heading';
import { RemovedItems } from '../fields/removed-items';
import type { PlainRecord } from '../plan/plain-record';
import { usePlanSection, usePlanStore, useProblemsAt } from '../plan/plan-store-context';
import { addPlanItem, movePlanItem } from '../plan/plan-writes';
import { ItemTableRow } from './item-table-row';

interface ItemTableProps {
  section: Exclude<CollectionSectionKey, 'actions'>;
  /** The fields changed in place, in column order; everything else is under Details. */
  columns: readonly string[];
  /** A heading of its own (when several lists share a screen). */
  showTitle?: boolean;
}

type Item = PlainRecord & { id: string; removedAt: string | null };

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && typeof (value as PlainRecord).id === 'string';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A list of the plan (goals, the care team, services) as compact rows: the fields a
 * meeting changes are edited in place, the whole form opens for one row at a time, and
 * "Add" is one row. Rows are memoised, so typing in one re-renders that one.
 */
export function ItemTable({ section, columns, showTitle = false }: ItemTableProps) {
  const { doc, editContext } = usePlanStore();
  const spec = collectionSections[section];
  const items = usePlanSection(section) as unknown as readonly unknown[];
  const captionId = useId();
  const [detailsOf, setDetailsOf] = useState<string | null>(null);
  const [focusNew, setFocusNew] = useState<string | null>(null);
  const listProblems = useProblemsAt([section]);
  const all = useMemo(() => items.filter(isItem), [items]);
  const live = useMemo(() => all.filter((item) => item.removedAt === null), [all]);
  const removed = all.filter((item) => item.removedAt !== null);
  const title = fieldLabel(section, spec.label);
  const oneItem = capitalise(itemLabel(section, spec.itemLabel));
  const hint = fieldHint(section);
  const summaryKeys = useMemo(() => Object.entries(spec.fields).filter(([, field]) => field.kind === 'text').map(([key]) => key), [spec]);
  const toggleDetails = useCallback((id: string) => setDetailsOf((current) => (current === id ? null : id)), []);
  const [moved, setMoved] = useState<{ id: string; direction: 'up' | 'down' } | null>(null);
  const move = useCallback(
    (id: string, index: number, direction: 'up' | 'down') => {
      movePlanItem(doc, [section], id, direction === 'up' ? index - 1 : index + 1);
      setMoved({ id, direction });
    },
    [doc, section],
  );

  // Moving re-orders the rows, which drops focus: put it back on the button just used.
  useEffect(() => {
    if (!moved) return;
    const button = (direction: 'up' | 'down') => document.querySelector<HTMLButtonElement>(`[data-move-item="${CSS.escape(moved.id)}"][data-move="${direction}"]`);
    const wanted = button(moved.direction);
    const other = button(moved.direction === 'up' ? 'down' : 'up');
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setMoved(null);
  }, [moved]);

  useEffect(() => {
    if (!focusNew) return;
    document.querySelector<HTMLElement>(`[data-item-row="${CSS.escape(focusNew)}"] input, [data-item-row="${CSS.escape(focusNew)}"] textarea`)?.focus();
    setFocusNew(null);
  }, [focusNew, live]);

  const add = () => {
    const id = addPlanItem(doc, [section], editContext());
    setDetailsOf(id);
    setFocusNew(id);
  };

  return (
    <div className="item-table-wrap" data-list-path={section}>
      {showTitle ? <Heading level={3}>{title}</Heading> : null}
      {hint ? <p className="field__hint">{hint}</p> : null}
      {listProblems.problem ? (
        <p className="field__problem" role="alert">
          {listProblems.problem}
        </p>
      ) : null}
      {listProblems.advice ? <p className="field__hint">{listProblems.advice}</p> : null}
      {live.length === 0 ? <p className="item-list__empty">None yet.</p> : null}
      {live.length > 0 ? (
        <table className="item-table" aria-labelledby={captionId}>
          <caption id={captionId} className="visually-hidden">
            {title}
          </caption>
          <thead>
            <tr>
              {columns.map((key) => (
                <th key={key} scope="col">
                  {fieldLabel(`${section}[].${key}`, spec.fields[key]?.label ?? key)}
                </th>
              ))}
              <th scope="col" className="item-table__details-heading">
                Details
              </th>
            </tr>
          </thead>
          <tbody>
            {live.map((item, index) => (
              <ItemTableRow
                key={item.id}
                item={item}
                index={index}
                count={live.length}
                section={section}
                spec={spec}
                columns={columns}
                heading={oneItem}
                summaryKeys={summaryKeys}
                detailsOpen={detailsOf === item.id}
                onToggleDetails={toggleDetails}
                onMove={move}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" className="button" onClick={add}>
        Add {itemLabel(section, spec.itemLabel)}
      </button>
      <RemovedItems collectionPath={[section]} items={removed} itemName={oneItem} summaryKeys={summaryKeys} />
    </div>
  );
}
