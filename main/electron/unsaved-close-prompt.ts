import { dialog, type BrowserWindow } from 'electron';

/**
 * The page refuses to unload while something typed is not yet on disk (its beforeunload,
 * renderer/views/plan/use-leave-warning.ts). Electron then just keeps the window open and
 * asks nothing, which looks like a broken close button: ask here, in plain words, and
 * close only if the person chooses to lose the unsaved typing.
 */
export function askBeforeClosingUnsaved(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Stay and keep my typing', 'Close and lose it'],
      defaultId: 0,
      cancelId: 0,
      title: 'Not everything is saved',
      message: 'Some of what you typed is not saved yet.',
      detail: 'CareHouse is still trying to save it. If you close now, those last words are lost.',
    });
    // preventDefault on this event means "ignore the page's objection and unload".
    if (choice === 1) event.preventDefault();
  });
}
