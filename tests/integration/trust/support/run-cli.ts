import { bundleForChild, childEnv } from '../../../support/crash-writer-bundle';
import { runNodeProgram, type ProgramResult } from '../../../support/run-program';

export type CliRun = ProgramResult;

let bundled: Promise<string> | undefined;

/** The real `carehouse` CLI, bundled from source once per test file and run as a child process. */
export function cliBundle(): Promise<string> {
  bundled ??= bundleForChild('main/cli/carehouse-cli.ts', 'carehouse-cli');
  return bundled;
}

export async function runCli(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 30_000): Promise<CliRun> {
  // No inherited passphrases: each test says exactly which one it gives.
  const base = childEnv(env);
  if (!('CAREHOUSE_PASSPHRASE' in env)) delete base.CAREHOUSE_PASSPHRASE;
  if (!('CAREHOUSE_NEW_PASSPHRASE' in env)) delete base.CAREHOUSE_NEW_PASSPHRASE;
  return runNodeProgram(await cliBundle(), args, base, timeoutMs);
}
