import { parseSignalingCliArgs, SIGNALING_CLI_USAGE } from './signaling-cli-args';
import { startSignalingServer, type SignalingServer } from './signaling-server';

/**
 * Stand-alone entry: `run-signaling-server --host 192.168.1.20 --port 4444`. For a meeting
 * host without the app, or an organisation running its own. Prints exactly one line on
 * stdout once listening (scripts wait for it); diagnostics go to stderr and carry counts
 * only. Exit codes: 0 after a signal, 1 if it cannot listen, 2 for bad flags.
 */
const EXIT_CANNOT_LISTEN = 1;
const EXIT_USAGE = 2;

async function runSignalingCli(argv: readonly string[]): Promise<void> {
  const parsed = parseSignalingCliArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${SIGNALING_CLI_USAGE}\n`);
    return;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${SIGNALING_CLI_USAGE}\n`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  const { host, port, lan } = parsed.settings;
  let server: SignalingServer;
  try {
    server = await startSignalingServer({
      host,
      port,
      allowWildcardHost: lan,
      log: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    process.stderr.write(`CareHouse signaling server could not listen on ${host}:${port} (${code})\n`);
    process.exitCode = EXIT_CANNOT_LISTEN;
    return;
  }
  process.stdout.write(`CareHouse signaling server listening on ${server.url}\n`);

  const stop = (): void => {
    void server.close().then(() => {
      const stats = server.stats();
      process.stderr.write(
        `[signaling] stopped after ${stats.acceptedConnections} connections, ${stats.relayedFrames} relayed frames\n`,
      );
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void runSignalingCli(process.argv.slice(2));
