import { CareError } from '../../shared/contract';
import type { HandlerSlice } from './handler-table';

/** For hosts whose store is opened before serving (browser host): always unlocked. */
export function createUnlockedSessionHandlers(): HandlerSlice<'getSessionState' | 'unlockStore'> {
  return {
    getSessionState: () => ({ unlocked: true, reason: '', firstRun: false }),
    unlockStore: () => {
      throw new CareError('conflict', 'CareHouse is already unlocked.');
    },
  };
}
