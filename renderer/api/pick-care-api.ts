import type { CareApi } from '../../shared/contract';
import { createCareClient } from './create-care-client';
import { createPreloadTransport } from './preload-bridge';
import { createWebSocketTransport, takeHostToken } from './websocket-transport';

export type HostKind = 'electron' | 'browser';

/** Electron gives us a preload bridge; the browser host gives us a token in the URL. */
export function pickCareApi(): { api: CareApi; hostKind: HostKind } | { error: string } {
  if (window.careHouseBridge) return { api: createCareClient(createPreloadTransport(window.careHouseBridge)), hostKind: 'electron' };
  const token = takeHostToken();
  if (!token) return { error: 'Open CareHouse from the address printed by "npm run start:browser" (it includes an access token).' };
  return { api: createCareClient(createWebSocketTransport(token)), hostKind: 'browser' };
}
