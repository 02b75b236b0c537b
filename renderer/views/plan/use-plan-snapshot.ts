import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readPlanSnapshot, type CarePlanSnapshot } from '../../../shared/plan';

/**
 * The plan as plain data, re-read after every change to the document (typed here or
 * arriving from a meeting), so every screen shows the same, current plan.
 */
export function usePlanSnapshot(doc: Y.Doc): CarePlanSnapshot {
  const [snapshot, setSnapshot] = useState(() => readPlanSnapshot(doc));
  useEffect(() => {
    setSnapshot(readPlanSnapshot(doc));
    const reread = () => setSnapshot(readPlanSnapshot(doc));
    doc.on('update', reread);
    return () => doc.off('update', reread);
  }, [doc]);
  return snapshot;
}
