import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { rendererEntryUrl } from './app-protocol';
import { askBeforeClosingUnsaved } from './unsaved-close-prompt';

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 560,
    title: 'CareHouse',
    icon: join(__dirname, '..', 'renderer', 'icon.png'),
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  askBeforeClosingUnsaved(window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererEntryUrl());
  return window;
}
