import { app, session, type DownloadItem } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './app-protocol';

/**
 * Exports reach the user as a download of a blob the renderer made (renderer/views/export/
 * download-file.ts), the same code as in the browser host. Here, each one asks where to
 * save it with the system's save dialog; nothing else may be downloaded. Why not a
 * "save this file at this path" IPC call: a path chosen by the renderer would let a
 * compromised page write anywhere; the dialog keeps the choice with the user.
 */
export function allowExportDownloads(): void {
  session.defaultSession.on('will-download', (event, item: DownloadItem) => {
    if (!item.getURL().startsWith(`blob:${APP_ORIGIN}/`)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({
      title: 'Save the exported plan',
      defaultPath: join(app.getPath('documents'), item.getFilename()),
      buttonLabel: 'Save',
    });
  });
}
