import { useEffect } from 'react';
import type { PlanPersistence, SaveStatus } from '../../sync/plan-persistence';

/**
 * Leaving or closing while something typed is not yet on disk asks first. In a browser
 * the page's beforeunload shows the browser's own "Leave site?" question. In Electron a
 * beforeunload that cancels stops the window closing (Electron shows no question of its
 * own), so nothing unsaved is closed away silently.
 */
export function useLeaveWarning(persistence: PlanPersistence | null): void {
  useEffect(() => {
    if (!persistence) return;
    let status: SaveStatus = persistence.status;
    const unsubscribe = persistence.subscribe((next) => {
      status = next;
    });
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (status.kind === 'saved') return;
      event.preventDefault();
      // Older browsers and Electron read returnValue.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsubscribe();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [persistence]);
}
