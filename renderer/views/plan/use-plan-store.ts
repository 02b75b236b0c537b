import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import { PlanSnapshotFollower } from '../../../shared/plan';
import type { PlanStore } from './plan-store-context';
import { ProblemStore } from './problem-store';

/** One follower and one problem store per open document, made once and torn down with it. */
export function usePlanStoreFor(doc: Y.Doc, editorName: string): PlanStore {
  const store = useMemo<PlanStore>(() => {
    const follower = new PlanSnapshotFollower(doc);
    return { doc, follower, problems: new ProblemStore(follower), editContext: () => ({ by: editorName, at: new Date().toISOString() }) };
  }, [doc, editorName]);
  useEffect(
    () => () => {
      store.problems.destroy();
      store.follower.destroy();
    },
    [store],
  );
  return store;
}
