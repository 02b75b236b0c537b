/**
 * The "Meeting address" people read out and type: "192.168.1.20:4444", or a full
 * ws:// URL. Only ws/wss and a host are accepted; the default port is the server's 4444.
 */
export const DEFAULT_MEETING_PORT = 4444;

export type ParsedMeetingAddress = { ok: true; url: string; display: string } | { ok: false; problem: string };

export function parseMeetingAddress(typed: string): ParsedMeetingAddress {
  const trimmed = typed.trim();
  if (!trimmed) return { ok: false, problem: 'Type the meeting address the host reads out, for example 192.168.1.20:4444.' };
  const withScheme = /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `ws://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'That does not look like a meeting address. It looks like 192.168.1.20:4444.' };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return { ok: false, problem: 'A meeting address starts with ws:// or is just an address and port.' };
  if (!url.hostname || url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, problem: 'That does not look like a meeting address. It looks like 192.168.1.20:4444.' };
  }
  const port = url.port || String(DEFAULT_MEETING_PORT);
  const host = url.hostname;
  return { ok: true, url: `${url.protocol}//${host}:${port}`, display: `${host}:${port}` };
}

/** "ws://192.168.1.20:4444" -> "192.168.1.20:4444" (what the host reads out). */
export function displayMeetingAddress(url: string): string {
  const parsed = parseMeetingAddress(url);
  return parsed.ok ? parsed.display : url;
}
