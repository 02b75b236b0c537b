import { CareError, callNames } from '../../shared/contract';
import type { HandlerTable } from './handler-table';

/**
 * The table served while the data is still locked: every call but the session ones
 * answers "locked", so the UI shows the unlock screen and nothing can touch the store.
 */
export function createLockedHandlers(session: Pick<HandlerTable, 'getSessionState' | 'unlockStore'>): HandlerTable {
  const locked = () => {
    throw new CareError('locked', 'CareHouse is locked. Enter your passphrase to open your plans.');
  };
  const table = Object.fromEntries(callNames.map((name) => [name, locked])) as unknown as HandlerTable;
  return { ...table, ...session };
}
