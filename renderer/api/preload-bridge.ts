import type { CallResult } from '../../shared/contract';
import type { CallTransport } from './call-transport';

/** What the Electron preload exposes on window (see main/electron/preload.ts). */
export interface PreloadBridge {
  call: (call: string, input: unknown) => Promise<CallResult<unknown>>;
  hostKind: 'electron';
}

declare global {
  interface Window {
    careHouseBridge?: PreloadBridge;
  }
}

export function createPreloadTransport(bridge: PreloadBridge): CallTransport {
  return (call, input) => bridge.call(call, input);
}
