import { defaultDataDir } from '../host/default-data-dir';
import { parseFlags, parsePort } from '../host/parse-flags';

export interface BrowserHostFlags {
  dataDir: string;
  port: number;
  open: boolean;
  hostMeeting: boolean;
  meetingHost: string;
  meetingPort: number;
}

export const browserHostUsage = `Usage: npm run start:browser -- [--data-dir DIR] [--port N] [--no-open] [--host-meeting] [--meeting-host ADDRESS] [--meeting-port N]
  --data-dir DIR        where this machine's CareHouse data lives (default: ${defaultDataDir()})
  --port N              port on 127.0.0.1 for the app (default: any free port)
  --no-open             do not open the system browser
  --host-meeting        also run the meeting signaling server (for hosting a live meeting)
  --meeting-host ADDR   address the signaling server listens on (default 127.0.0.1; your LAN address to host for other laptops)
  --meeting-port N      port for the signaling server (default 4444)`;

export function parseBrowserHostFlags(args: readonly string[]): BrowserHostFlags {
  const { values } = parseFlags(args, {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'no-open': { type: 'boolean' },
    'host-meeting': { type: 'boolean' },
    'meeting-host': { type: 'string' },
    'meeting-port': { type: 'string' },
  });
  return {
    dataDir: values['data-dir'] ?? defaultDataDir(),
    port: parsePort(values.port, 0),
    open: !values['no-open'],
    hostMeeting: values['host-meeting'] ?? false,
    meetingHost: values['meeting-host'] ?? '127.0.0.1',
    meetingPort: parsePort(values['meeting-port'], 4444),
  };
}
