import { app, BrowserWindow, type WebFrameMain } from 'electron';
import { join } from 'node:path';
import { CareError } from '../../shared/contract';
import { appVersion } from '../host/app-version';
import { configureLog, logEvent } from '../logging/log';
import { createHandlers } from '../services/create-handlers';
import type { HandlerTable } from '../services/handler-table';
import { createLockedHandlers } from '../services/locked-handlers';
import { CareStore } from '../store/care-store';
import { databasePath } from '../store/database-file';
import { StoreSchemaError } from '../store/schema-check';
import { DamagedDatabaseError } from '../store/store-errors';
import { KeySourceMismatchError, type KeySource } from '../store/key-ring';
import { existsSync } from 'node:fs';
import { APP_ORIGIN, registerAppScheme, rendererDirectory, serveRenderer } from './app-protocol';
import { createMainWindow } from './create-main-window';
import { allowExportDownloads } from './export-downloads';
import { osKeySource } from './electron-key-source';
import { hardenApp } from './harden-web-contents';
import { registerIpc } from './register-ipc';
import { limitWebSocketConnections } from './limit-websocket-connections';
import { meetingAddresses } from '../services/connection-service';
import { developmentSwitches } from './development-switches';

// The thin shell: lifecycle, window, IPC. Everything it serves is main/services over main/store.
registerAppScheme();
hardenApp();
const switches = developmentSwitches(process.env, app.isPackaged);
if (switches.dataDir) app.setPath('userData', switches.dataDir);

const dataDir = app.getPath('userData');
const nativeBinding = switches.nativeBinding;
let store: CareStore | undefined;
let handlers: HandlerTable;

function openStore(source: KeySource): void {
  store = CareStore.open({ dataDir, keySource: source, nativeBinding });
  handlers = createHandlers(store, { version: appVersion });
}

function lockedTable(reason: string): HandlerTable {
  return createLockedHandlers({
    getSessionState: () => ({ unlocked: false, reason, firstRun: !existsSync(databasePath(dataDir)) }),
    unlockStore: ({ passphrase }) => {
      try {
        openStore({ kind: 'passphrase', passphrase });
      } catch (error) {
        throw new CareError('locked', (error as Error).message);
      }
      return { unlocked: true as const };
    },
  });
}

function initialHandlers(): HandlerTable {
  const source = osKeySource();
  if ('unavailable' in source) return lockedTable(source.unavailable);
  try {
    openStore(source);
    return handlers;
  } catch (error) {
    if (error instanceof KeySourceMismatchError) return lockedTable('This data is protected by a passphrase.');
    // A damaged file or a store missing its protections: say so on screen, never crash or replace it.
    if (error instanceof DamagedDatabaseError || error instanceof StoreSchemaError) return lockedTable(error.message);
    throw error;
  }
}

const isTrustedFrame = (frame: WebFrameMain | null) => frame !== null && frame.parent === null && frame.url.startsWith(`${APP_ORIGIN}/`);

/** Everything after the single-instance lock: never reached by a second copy of the app. */
function start(): void {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.whenReady().then(onReady);
  app.on('window-all-closed', () => {
    store?.close();
    app.quit();
  });
}

function onReady(): void {
  configureLog(join(dataDir, 'logs'));
  handlers = initialHandlers();
  // Route through a stable table whose entries read the current one, so unlocking swaps it.
  const live = new Proxy({} as HandlerTable, { get: (_target, name) => handlers[name as keyof HandlerTable] });
  registerIpc(live, isTrustedFrame);
  limitWebSocketConnections(meetingAddresses);
  allowExportDownloads();
  serveRenderer(rendererDirectory());
  createMainWindow();
  logEvent('info', 'electron-started');
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

// A second copy returns at once: it opens no store (two writers to one database) and no window.
if (app.requestSingleInstanceLock()) start();
else app.quit();
