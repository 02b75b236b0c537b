import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { PlanSnapshotFollower } from '../../../shared/plan';
import type { PlanStore } from './plan-store-context';
import { workerValidator } from '../../validation/plan-validator';
import { ProblemStore } from './problem-store';

/**
 * One follower and one problem store per open document, made in an effect (so React's
 * StrictMode double mount gets a fresh pair instead of a destroyed one) and torn down
 * with it. Null until the first effect has run.
 */
export function usePlanStoreFor(doc: Y.Doc, editorName: string): PlanStore | null {
  const name = useRef(editorName);
  name.current = editorName;
  const [store, setStore] = useState<PlanStore | null>(null);
  useEffect(() => {
    const follower = new PlanSnapshotFollower(doc);
    const problems = new ProblemStore(follower, workerValidator());
    setStore({ doc, follower, problems, editContext: () => ({ by: name.current, at: new Date().toISOString() }) });
    return () => {
      problems.destroy();
      follower.destroy();
    };
  }, [doc]);
  return store;
}
