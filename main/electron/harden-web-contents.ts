import { app, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol';

/** Opens only plain https links in the system browser; everything else is dropped. */
function openExternalSafely(target: string): void {
  try {
    const url = new URL(target);
    if (url.protocol === 'https:' && !url.username && !url.password) void shell.openExternal(url.toString());
  } catch {
    // Not a URL: ignore.
  }
}

/**
 * Electron security checklist items that apply app-wide: no navigation away from our
 * origin, no new windows, no webviews, permission requests denied by default.
 */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) {
        event.preventDefault();
        openExternalSafely(url);
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}
