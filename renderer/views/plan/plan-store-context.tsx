import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { CarePlanSnapshot, EditContext, PlanSnapshotFollower } from '../../../shared/plan';
import type { FieldProblems } from './plan-problems';
import type { ProblemStore } from './problem-store';

/**
 * The open plan. This context's value never changes while the plan is open: components
 * subscribe to the slice they show (one section, one field's problem; a whole screen
 * through usePlanEditing), so a keystroke re-renders the row it changed and nothing else,
 * and React never has to search the tree for readers of a changed context (issue 14).
 */
export interface PlanStore {
  doc: Y.Doc;
  follower: PlanSnapshotFollower;
  problems: ProblemStore;
  editContext: () => EditContext;
}

export const PlanStoreContext = createContext<PlanStore | null>(null);

export function usePlanStore(): PlanStore {
  const store = useContext(PlanStoreContext);
  if (!store) throw new Error('usePlanStore must be used inside an open plan');
  return store;
}

type SectionKey = Exclude<keyof CarePlanSnapshot, 'meta'>;

/** One section of the plan; re-renders only when that section changes. */
export function usePlanSection<K extends SectionKey>(key: K): CarePlanSnapshot[K] {
  const { follower } = usePlanStore();
  const subscribe = useCallback((notify: () => void) => follower.subscribe((changed) => changed.has(key) && notify()), [follower, key]);
  return useSyncExternalStore(subscribe, () => follower.current()[key]);
}

/**
 * The whole current plan, for helpers that take a snapshot (people and link options), but
 * re-rendering only when one of `keys` changes: the options of "Who will do it" depend on
 * the care team, not on the action being typed.
 */
export function usePlanReadingSections(keys: readonly SectionKey[]): CarePlanSnapshot {
  const { follower } = usePlanStore();
  const version = useRef(0);
  const joined = keys.join(',');
  const subscribe = useCallback(
    (notify: () => void) =>
      follower.subscribe((changed) => {
        if (joined.split(',').some((key) => changed.has(key as SectionKey))) {
          version.current += 1;
          notify();
        }
      }),
    [follower, joined],
  );
  useSyncExternalStore(subscribe, () => version.current);
  return follower.current();
}

/** The validation problem and advice at one path; re-renders only when their text changes. */
export function useProblemsAt(path: readonly string[]): FieldProblems {
  const { problems } = usePlanStore();
  const subscribe = useCallback((notify: () => void) => problems.subscribe(notify), [problems]);
  const problem = useSyncExternalStore(subscribe, () => problems.at(path).problem);
  const advice = useSyncExternalStore(subscribe, () => problems.at(path).advice);
  return { problem, advice };
}
