import { UsageError } from '../host/parse-flags';
import type { CliIo } from './cli-command';
import { cliCommands } from './command-list';

function usage(): string {
  return ['Usage: carehouse <command> [flags]', '', ...cliCommands.map((command) => `  ${command.usage.padEnd(70)} ${command.summary}`)].join('\n');
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failed, 2 bad usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = cliCommands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(name && name !== '--help' ? `Unknown command "${name}".\n${usage()}` : usage());
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: ${command.usage}`);
      return 2;
    }
    io.err(`carehouse ${command.name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }).then((code) => process.exit(code));
}
