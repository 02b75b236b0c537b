import { memo, useEffect, useId, useRef } from 'react';
import type { CollectionFieldSpec } from '../../../shared/plan';
import type { PlainRecord } from '../plan/plain-record';
import { usePlanStore } from '../plan/plan-store-context';
import { removePlanItem } from '../plan/plan-writes';
import { FieldList } from './field-list';
import { itemSummary } from './field-visibility';
import { Heading, type HeadingLevel } from './heading';

export interface ItemCardProps {
  item: PlainRecord & { id: string };
  index: number;
  count: number;
  /** "Goal 2". */
  heading: string;
  summaryKeys: readonly string[];
  collectionPath: readonly string[];
  collectionPattern: string;
  spec: CollectionFieldSpec;
  level: HeadingLevel;
  only?: readonly string[];
  focusOnMount: boolean;
  onMove: (id: string, index: number, direction: 'up' | 'down') => void;
}

/**
 * One item: its heading, its fields, and Move up / Move down / Remove. Memoised: the list
 * passes the same item object while it is unchanged (PlanSnapshotFollower keeps identity),
 * so typing in one item re-renders that item only.
 */
export const ItemCard = memo(function ItemCard({ item, index, count, heading, summaryKeys, collectionPath, collectionPattern, spec, level, only, focusOnMount, onMove }: ItemCardProps) {
  const { doc, editContext } = usePlanStore();
  const headingId = useId();
  const card = useRef<HTMLElement>(null);
  const summary = itemSummary(item, summaryKeys);

  // A newly added item takes the focus, so typing goes straight into it.
  useEffect(() => {
    if (focusOnMount) card.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, [focusOnMount]);

  const who = <span className="visually-hidden"> {heading}</span>;
  return (
    <li className="item" data-item-id={item.id}>
      <article ref={card} aria-labelledby={headingId} className="item__card">
        <Heading level={level} id={headingId} className="item__heading">
          {heading}
          {summary ? <span className="item__summary">: {summary}</span> : null}
        </Heading>
        <FieldList ownerPath={[...collectionPath, item.id]} ownerPattern={`${collectionPattern}[]`} fields={spec.fields} owner={item} level={level} only={only} />
        <div className="button-row item__actions">
          <button type="button" className="button" data-move="up" data-move-item={item.id} disabled={index === 0} onClick={() => onMove(item.id, index, 'up')}>
            Move up{who}
          </button>
          <button type="button" className="button" data-move="down" data-move-item={item.id} disabled={index === count - 1} onClick={() => onMove(item.id, index, 'down')}>
            Move down{who}
          </button>
          <button type="button" className="button button--danger" onClick={() => removePlanItem(doc, collectionPath, item.id, editContext())}>
            Remove{who}
          </button>
        </div>
      </article>
    </li>
  );
});
