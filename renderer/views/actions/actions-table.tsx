import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { collectionSections, isLive, type Action } from '../../../shared/plan';
import { usePlanSection, usePlanStore } from '../plan/plan-store-context';
import { addPlanItem } from '../plan/plan-writes';
import { countRender } from '../plan/render-probe';
import { actionsOverdueFirst } from './action-order';
import { useWindowedRows } from '../tables/use-windowed-rows';
import { ActionRow, type ActionColumns } from './action-row';

interface ActionsTableProps {
  /** glance: read the room's view, status changeable in place. edit: every meeting field in place, full form on demand. */
  mode: ActionColumns;
  /** Today, 'YYYY-MM-DD' (for overdue). */
  today: string;
}

/** At a glance shows the first rows (overdue first); the rest are one button away. */
export const GLANCE_ROWS = 15;

function shorten(text: string): string {
  const plain = text.trim().replace(/\s+/g, ' ');
  return plain.length > 60 ? `${plain.slice(0, 59)}…` : plain;
}

/**
 * "Who does what by when": one compact row per action. Rows are memoised and the plan
 * keeps unchanged actions' identity, so typing in one row re-renders that row alone; the
 * full form (with "Goals it serves", one checkbox per goal) is built for ONE row at a
 * time, when asked for — never for every row.
 */
export function ActionsTable({ mode, today }: ActionsTableProps) {
  countRender('actions-table');
  const { doc, editContext } = usePlanStore();
  const actions = usePlanSection('actions');
  const goals = usePlanSection('goals');
  const captionId = useId();
  const [detailsOf, setDetailsOf] = useState<string | null>(null);
  const [focusNew, setFocusNew] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const goalNames = useMemo(() => new Map(goals.map((goal, index) => [goal.id, shorten(goal.words) || `Goal ${index + 1}`])), [goals]);
  const ordered = useMemo<Action[]>(() => (mode === 'glance' ? actionsOverdueFirst(actions, today) : actions.filter(isLive)), [actions, mode, today]);
  const rows = useMemo(() => (mode === 'glance' && !showAll ? ordered.slice(0, GLANCE_ROWS) : ordered), [ordered, mode, showAll]);
  const toggleDetails = useCallback((id: string) => setDetailsOf((current) => (current === id ? null : id)), []);
  const body = useRef<HTMLTableSectionElement>(null);
  const detailsIndex = detailsOf === null ? -1 : rows.findIndex((action) => action.id === detailsOf);
  const { segments, onFocusCapture, windowed } = useWindowedRows(rows.length, body, detailsIndex === -1 ? null : detailsIndex);
  const columnCount = mode === 'edit' ? 6 : 5;
  // Row 1 is the header; an open details row counts as a row of its own after its action.
  const ariaRowIndex = (index: number) => index + 2 + (detailsIndex !== -1 && detailsIndex < index ? 1 : 0);

  // A new action's row takes the focus, so typing goes straight into "What will happen".
  useEffect(() => {
    if (!focusNew) return;
    document.querySelector<HTMLElement>(`[data-action-row="${CSS.escape(focusNew)}"] input, [data-action-row="${CSS.escape(focusNew)}"] textarea`)?.focus();
    setFocusNew(null);
  }, [focusNew, rows]);

  const add = () => {
    const id = addPlanItem(doc, ['actions'], editContext());
    setDetailsOf(id);
    setFocusNew(id);
  };

  return (
    <div className="actions-table-wrap">
      {rows.length === 0 ? <p className="item-list__empty">No actions yet.</p> : null}
      {rows.length > 0 ? (
        <table
          className={`actions-table actions-table--${mode}`}
          aria-labelledby={captionId}
          aria-rowcount={windowed ? rows.length + 1 + (detailsIndex === -1 ? 0 : 1) : undefined}
          data-windowed={windowed ? 'true' : undefined}
        >
          <caption id={captionId} className="visually-hidden">
            {mode === 'glance' ? 'Actions: overdue first' : 'Actions, in the plan’s order'}
          </caption>
          {/* Fixed column widths (table-layout: fixed): typing in one row never re-lays out all of them. */}
          <colgroup>
            <col className="actions-table__col-what" />
            <col className="actions-table__col-who" />
            <col className="actions-table__col-when" />
            <col className="actions-table__col-status" />
            <col className="actions-table__col-goal" />
            {mode === 'edit' ? <col className="actions-table__col-details" /> : null}
          </colgroup>
          <thead>
            <tr aria-rowindex={windowed ? 1 : undefined}>
              <th scope="col">{collectionSections.actions.fields.what?.label ?? 'What'}</th>
              <th scope="col">Who</th>
              <th scope="col">By when</th>
              <th scope="col">Status</th>
              <th scope="col">For which goal</th>
              {mode === 'edit' ? <th scope="col">Details</th> : null}
            </tr>
          </thead>
          <tbody ref={body} onFocusCapture={onFocusCapture}>
            {/* One flat keyed list: a row keeps its identity (and focus) as gaps come and go around it. */}
            {segments.flatMap((segment) =>
              segment.kind === 'gap' ? (
                // Stands in for undrawn rows so the scrollbar and the page keep their true length.
                <tr key={`gap-${segment.from}`} className="table-gap" aria-hidden="true">
                  <td colSpan={columnCount} style={{ height: `${segment.heightPx}px` }} />
                </tr>
              ) : (
                rows.slice(segment.from, segment.to).map((action, offset) => {
                  const index = segment.from + offset;
                  return (
                    <ActionRow
                      key={action.id}
                      action={action}
                      index={index}
                      count={rows.length}
                      columns={mode}
                      goalNames={goalNames}
                      today={today}
                      detailsOpen={detailsOf === action.id}
                      onToggleDetails={toggleDetails}
                      ariaRowIndex={windowed ? ariaRowIndex(index) : undefined}
                    />
                  );
                })
              ),
            )}
          </tbody>
        </table>
      ) : null}
      {mode === 'glance' && ordered.length > rows.length ? (
        <button type="button" className="button" onClick={() => setShowAll(true)}>
          Show all {ordered.length} actions
        </button>
      ) : null}
      {mode === 'edit' ? (
        <button type="button" className="button" onClick={add}>
          Add action
        </button>
      ) : null}
    </div>
  );
}
