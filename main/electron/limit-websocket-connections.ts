import { session } from 'electron';
import { logEvent } from '../logging/log';
import type { MeetingAddressAllowlist } from '../services/meeting-address-allowlist';

/**
 * The window may open WebSockets only to the meeting addresses in use (the one typed to
 * join, the one this machine hosts). The renderer's CSP keeps `ws: wss:` because the
 * address is typed after the page has loaded; this filter, in main, is where the limit is
 * enforced, and the page cannot change it.
 */
export function limitWebSocketConnections(allowlist: MeetingAddressAllowlist): void {
  session.defaultSession.webRequest.onBeforeRequest({ urls: ['ws://*/*', 'wss://*/*'] }, (details, respond) => {
    const allowed = allowlist.allows(details.url);
    if (!allowed) logEvent('warn', 'websocket-refused');
    respond({ cancel: !allowed });
  });
}
