import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CollectionFieldSpec } from '../../../shared/plan';
import type { PlainRecord } from '../plan/plain-record';
import { usePlanStore, useProblemsAt } from '../plan/plan-store-context';
import { addPlanItem, movePlanItem } from '../plan/plan-writes';
import { fieldHint, fieldLabel, itemLabel } from './field-labels';
import { Heading, deeper, type HeadingLevel } from './heading';
import { ItemCard } from './item-card';
import { RemovedItems } from './removed-items';

export interface ItemListProps {
  /** ['goals'], ['goals', id, 'steps'], ['consent', 'doNotShare']. */
  collectionPath: readonly string[];
  /** 'goals', 'goals[].steps', 'consent.doNotShare'. */
  collectionPattern: string;
  spec: CollectionFieldSpec;
  items: readonly unknown[];
  /** Level of the list's heading; items are one deeper (or the same, without a title). */
  level: HeadingLevel;
  /** False when the section heading above already names the list. */
  showTitle?: boolean;
  /** Only these fields of each item, in this order. */
  only?: readonly string[];
}

function isItem(value: unknown): value is PlainRecord & { id: string; removedAt: string | null } {
  return typeof value === 'object' && value !== null && typeof (value as PlainRecord).id === 'string';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A list of items anyone in the meeting can add to, change, reorder (Move up / Move
 * down: keyboard-friendly, unlike dragging) and remove. Removal is soft: removed items
 * are listed under "Removed items" with Restore, and stay in the history.
 */
export function ItemList({ collectionPath, collectionPattern, spec, items, level, showTitle = true, only }: ItemListProps) {
  const { doc, editContext } = usePlanStore();
  const [focusNew, setFocusNew] = useState<string | null>(null);
  const [moved, setMoved] = useState<{ id: string; direction: 'up' | 'down' } | null>(null);
  const all = items.filter(isItem);
  const live = all.filter((item) => item.removedAt === null);
  const removed = all.filter((item) => item.removedAt !== null);
  const title = fieldLabel(collectionPattern, spec.label);
  const oneItem = capitalise(itemLabel(collectionPattern, spec.itemLabel));
  const hint = fieldHint(collectionPattern);
  const listProblems = useProblemsAt(collectionPath);
  const itemLevel = showTitle ? deeper(level) : level;
  // Stable across renders, so unchanged rows (React.memo) are skipped when one row changes.
  const textKeys = useMemo(
    () =>
      Object.entries(spec.fields)
        .filter(([, field]) => field.kind === 'text')
        .map(([key]) => key),
    [spec],
  );
  const pathKey = collectionPath.join('/');
  const stablePath = useMemo(() => collectionPath, [pathKey]);

  // Moving re-orders the DOM, which drops focus: put it back on the button just used.
  useEffect(() => {
    if (!moved) return;
    // By item id: a goal's own buttons, not those of its steps nested inside it.
    const button = (direction: 'up' | 'down') =>
      document.querySelector<HTMLButtonElement>(`[data-move-item="${CSS.escape(moved.id)}"][data-move="${direction}"]`);
    const wanted = button(moved.direction);
    const other = button(moved.direction === 'up' ? 'down' : 'up');
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setMoved(null);
  }, [moved]);

  const move = useCallback(
    (id: string, index: number, direction: 'up' | 'down') => {
      movePlanItem(doc, stablePath, id, direction === 'up' ? index - 1 : index + 1);
      setMoved({ id, direction });
    },
    [doc, stablePath],
  );

  return (
    <div className="item-list" data-list-path={collectionPath.join('/')}>
      {showTitle ? <Heading level={level}>{title}</Heading> : null}
      {hint ? <p className="field__hint">{hint}</p> : null}
      {listProblems.problem ? (
        <p className="field__problem" role="alert">
          {listProblems.problem}
        </p>
      ) : null}
      {listProblems.advice ? <p className="field__hint">{listProblems.advice}</p> : null}
      {live.length === 0 ? <p className="item-list__empty">None yet.</p> : null}
      {live.length > 0 ? (
        <ol className="item-list__items">
          {live.map((item, index) => (
            <ItemCard
              key={item.id}
              item={item}
              index={index}
              count={live.length}
              heading={`${oneItem} ${index + 1}`}
              summaryKeys={textKeys}
              collectionPath={stablePath}
              collectionPattern={collectionPattern}
              spec={spec}
              level={itemLevel}
              only={only}
              focusOnMount={focusNew === item.id}
              onMove={move}
            />
          ))}
        </ol>
      ) : null}
      <button type="button" className="button" onClick={() => setFocusNew(addPlanItem(doc, collectionPath, editContext()))}>
        Add {itemLabel(collectionPattern, spec.itemLabel)}
      </button>
      <RemovedItems collectionPath={collectionPath} items={removed} itemName={oneItem} summaryKeys={textKeys} />
    </div>
  );
}
