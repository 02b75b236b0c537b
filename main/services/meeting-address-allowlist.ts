/**
 * The meeting signaling addresses this process's window may connect to: the ones the user
 * typed to join (announced by the renderer before it connects) and the one this machine
 * hosts. Electron enforces it on every WebSocket the window opens (main/electron/
 * limit-websocket-connections.ts); a renderer's CSP cannot, because the address is typed
 * after the page has loaded and its policy is fixed.
 */
export class MeetingAddressAllowlist {
  readonly #origins = new Set<string>();
  readonly #extra: () => readonly string[];

  /** `extra`: addresses allowed while they are in use, read at each check (the hosted server). */
  constructor(extra: () => readonly string[] = () => []) {
    this.#extra = extra;
  }

  allow(url: string): void {
    const origin = originOf(url);
    if (origin) this.#origins.add(origin);
  }

  allows(url: string): boolean {
    const origin = originOf(url);
    if (!origin) return false;
    return this.#origins.has(origin) || this.#extra().some((allowed) => originOf(allowed) === origin);
  }
}

/** ws://HOST:PORT, lower-cased and with the default port written out; null for anything but ws/wss. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return null;
  if (parsed.username || parsed.password) return null;
  const port = parsed.port || (parsed.protocol === 'wss:' ? '443' : '80');
  return `${parsed.protocol}//${parsed.hostname.toLowerCase()}:${port}`;
}
