import { useCallback, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { PlanEditingContext, type PlanEditing } from './plan-editing-context';
import type { PlanStore } from './plan-store-context';

/**
 * Whole screens (agreement, export, meeting record) read the whole plan through
 * PlanEditingContext, which changes with every update. It lives in its own component so
 * that only its consumers re-render: the children are created once by the plan screen.
 */
export function PlanEditingBridge({ store, children }: { store: PlanStore; children: ReactNode }) {
  const { follower, problems } = store;
  const subscribeSnapshot = useCallback((notify: () => void) => follower.subscribe(notify), [follower]);
  const subscribeProblems = useCallback((notify: () => void) => problems.subscribe(notify), [problems]);
  const snapshot = useSyncExternalStore(subscribeSnapshot, () => follower.current());
  const problemIndex = useSyncExternalStore(subscribeProblems, () => problems.current());
  const value = useMemo<PlanEditing>(
    () => ({ doc: store.doc, snapshot, problems: problemIndex, editContext: store.editContext }),
    [store, snapshot, problemIndex],
  );
  return <PlanEditingContext.Provider value={value}>{children}</PlanEditingContext.Provider>;
}
