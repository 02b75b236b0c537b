import { join } from 'node:path';
import { appVersion } from '../host/app-version';
import { openNodeStore } from '../host/open-node-store';
import { openSystemBrowser } from '../host/open-system-browser';
import { UsageError } from '../host/parse-flags';
import { logEvent } from '../logging/log';
import { createHandlers } from '../services/create-handlers';
import { startBrowserHost } from './browser-host-server';
import { browserHostUsage, parseBrowserHostFlags } from './host-flags';
import { startMeetingHosting } from './meeting-hosting';

async function main(): Promise<void> {
  let flags;
  try {
    flags = parseBrowserHostFlags(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${browserHostUsage}\n`);
      process.exit(2);
    }
    throw error;
  }
  const store = await openNodeStore(flags.dataDir);
  const handlers = createHandlers(store, { version: appVersion });
  const host = await startBrowserHost({ handlers, rendererDir: join(__dirname, '..', 'renderer'), port: flags.port });
  const meeting = flags.hostMeeting ? await startMeetingHosting(flags.meetingHost, flags.meetingPort) : undefined;
  logEvent('info', 'browser-host-started', { meeting: Boolean(meeting) });
  process.stdout.write(`CareHouse running at ${host.url}\n`);
  if (meeting) process.stdout.write(`Meeting signaling server at ${meeting.url}\n`);
  if (flags.open) openSystemBrowser(host.url);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await meeting?.close();
    await host.close();
    store.close();
    logEvent('info', 'browser-host-stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`CareHouse could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
