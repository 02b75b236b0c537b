import { contextBridge, ipcRenderer } from 'electron';
import { callNames } from '../../shared/contract/care-contract';
import { ipcChannelFor } from './ipc-channel';

/**
 * The sandboxed preload: exposes ONE function that makes contract calls, and only for
 * names in the contract. ipcRenderer itself never reaches the page.
 */
const allowed = new Set<string>(callNames);

contextBridge.exposeInMainWorld('careHouseBridge', {
  hostKind: 'electron',
  call: (call: string, input: unknown) => {
    if (typeof call !== 'string' || !allowed.has(call)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-call', message: 'That request is not something CareHouse does.' } });
    }
    return ipcRenderer.invoke(ipcChannelFor(call), input);
  },
});
