import { spawn } from 'node:child_process';

/** Opens a loopback URL in the user's browser; the URL is ours, never user-supplied. */
export function openSystemBrowser(url: string): void {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error('Only the local CareHouse address can be opened.');
  const command = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}
