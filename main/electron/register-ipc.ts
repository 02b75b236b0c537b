import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { callNames } from '../../shared/contract/care-contract';
import { dispatchCall } from '../services/dispatch-call';
import type { HandlerTable } from '../services/handler-table';
import { ipcChannelFor } from './ipc-channel';

/**
 * Registers one ipcMain handler per contract call, all through the one checked door:
 * the sender must be our own window's main frame showing our own page.
 */
export function registerIpc(handlers: HandlerTable, isTrustedFrame: (frame: WebFrameMain | null) => boolean): () => void {
  for (const name of callNames) {
    ipcMain.handle(ipcChannelFor(name), (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) {
        return { ok: false, error: { code: 'refused', message: 'Calls are accepted only from the CareHouse window.' } };
      }
      return dispatchCall(handlers, name, input);
    });
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(ipcChannelFor(name));
  };
}
