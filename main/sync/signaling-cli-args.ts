import { isWildcardHost } from './signaling-options';

/**
 * Flags for the stand-alone signaling server. Pure, so the rules (and the refusal to
 * listen on every interface by accident) are tested without spawning a process.
 */
export interface SignalingCliSettings {
  host: string;
  port: number;
  lan: boolean;
}

export type SignalingCliParse =
  | { kind: 'run'; settings: SignalingCliSettings }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

export const SIGNALING_CLI_USAGE = [
  'Usage: run-signaling-server [--host <address>] [--port <0-65535>] [--lan]',
  '',
  '  --host   interface to listen on (default 127.0.0.1); a meeting host passes its LAN address',
  '  --port   TCP port (default 4444, as y-webrtc expects; 0 picks a free one)',
  '  --lan    allow 0.0.0.0 / :: (every network this machine is on)',
  '  --help   show this text',
].join('\n');

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 4444;

function parsePort(raw: string): number | undefined {
  if (!/^\d{1,5}$/.test(raw)) return undefined;
  const port = Number(raw);
  return port <= 65_535 ? port : undefined;
}

export function parseSignalingCliArgs(argv: readonly string[]): SignalingCliParse {
  let host = DEFAULT_HOST;
  let port = DEFAULT_PORT;
  let lan = false;
  const seen = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const equals = arg.indexOf('=');
    const flag = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    const inline = arg.startsWith('--') && equals > 0 ? arg.slice(equals + 1) : undefined;
    if (seen.has(flag)) return { kind: 'error', message: `${flag} given twice` };
    seen.add(flag);
    const takeValue = (): string | undefined => {
      if (inline !== undefined) return inline;
      index += 1;
      const next = argv[index];
      return next === undefined || next.startsWith('--') ? undefined : next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return { kind: 'help' };
      case '--lan':
        if (inline !== undefined) return { kind: 'error', message: '--lan takes no value' };
        lan = true;
        break;
      case '--host': {
        const value = takeValue()?.trim();
        if (!value) return { kind: 'error', message: '--host needs an address' };
        host = value;
        break;
      }
      case '--port': {
        const value = takeValue();
        const parsed = value === undefined ? undefined : parsePort(value);
        if (parsed === undefined) return { kind: 'error', message: '--port needs a number from 0 to 65535' };
        port = parsed;
        break;
      }
      default:
        return { kind: 'error', message: `unknown argument: ${arg}` };
    }
  }
  if (isWildcardHost(host) && !lan) {
    return { kind: 'error', message: `${host} listens on every network; pass your LAN address, or add --lan` };
  }
  return { kind: 'run', settings: { host, port, lan } };
}
