import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { CareApi } from '../../shared/contract';
import { migratePlanDoc } from '../../shared/plan';
import { LOAD_ORIGIN, PlanPersistence } from './plan-persistence';
import { followStoredChanges } from './relay-follow';
import { decodeUpdate } from './update-encoding';
import { toUpdateOrigin } from './update-origin';

export type PlanDocumentState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; doc: Y.Doc; persistence: PlanPersistence };

/** Loads a plan's Y.Doc from main and persists every later change of it. */
export function usePlanDocument(api: CareApi, planId: string): PlanDocumentState {
  const [state, setState] = useState<PlanDocumentState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let cleanup: (() => void) | undefined;
    setState({ status: 'loading' });
    api
      .loadPlan({ planId })
      .then(({ state: stored }) => {
        if (cancelled) return;
        const doc = new Y.Doc();
        Y.applyUpdate(doc, decodeUpdate(stored), LOAD_ORIGIN);
        const persistence = new PlanPersistence(api, planId, doc, toUpdateOrigin);
        // Bring an older plan up to this version's layout BEFORE anyone edits it (or joins
        // a meeting with it); the migration is an ordinary, persisted, attributed change.
        const migration = migratePlanDoc(doc);
        if (migration.status === 'newer') {
          persistence.dispose();
          doc.destroy();
          setState({ status: 'error', message: 'This plan was written by a newer version of CareHouse. Update CareHouse to open it.' });
          return;
        }
        const unfollow = followStoredChanges(api, planId, doc);
        cleanup = () => {
          unfollow();
          persistence.dispose();
          doc.destroy();
        };
        setState({ status: 'ready', doc, persistence });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: (error as Error).message });
      });
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [api, planId]);

  return state;
}
