import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { CarePlanSnapshot, EditContext } from '../../../shared/plan';
import type { ProblemIndex } from './plan-problems';
import { usePlanStore } from './plan-store-context';

/**
 * What a whole screen of an open plan needs: the live document to write to, the current
 * snapshot to read from (and to offer links and people from), the validation problems,
 * and who is editing (stamped on items they add or remove).
 */
export interface PlanEditing {
  doc: Y.Doc;
  snapshot: CarePlanSnapshot;
  problems: ProblemIndex;
  editContext: () => EditContext;
}

/**
 * The whole current plan for a screen, re-rendering the calling component on every
 * change. Deliberately a subscription, not a context whose value changes per update: a
 * changing context makes React search the whole tree below it for readers on every
 * keystroke (over a second per key with a 300-action plan), a subscription does not.
 * Fields and rows on the keystroke path read narrower slices (plan-store-context.tsx).
 */
export function usePlanEditing(): PlanEditing {
  const { doc, follower, problems, editContext } = usePlanStore();
  const subscribeSnapshot = useCallback((notify: () => void) => follower.subscribe(notify), [follower]);
  const subscribeProblems = useCallback((notify: () => void) => problems.subscribe(notify), [problems]);
  const snapshot = useSyncExternalStore(subscribeSnapshot, () => follower.current());
  const problemIndex = useSyncExternalStore(subscribeProblems, () => problems.current());
  return useMemo(() => ({ doc, snapshot, problems: problemIndex, editContext }), [doc, snapshot, problemIndex, editContext]);
}
