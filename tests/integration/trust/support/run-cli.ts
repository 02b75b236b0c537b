import { spawn } from 'node:child_process';
import { bundleForChild, childEnv } from '../../../support/crash-writer-bundle';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let bundled: Promise<string> | undefined;

/** The real `carehouse` CLI, bundled from source once per test file and run as a child process. */
export function cliBundle(): Promise<string> {
  bundled ??= bundleForChild('main/cli/carehouse-cli.ts', 'carehouse-cli');
  return bundled;
}

export async function runCli(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 30_000): Promise<CliRun> {
  const cli = await cliBundle();
  return new Promise((resolve, reject) => {
    // No inherited passphrases: each test says exactly which one it gives.
    const base = childEnv(env);
    if (!('CAREHOUSE_PASSPHRASE' in env)) delete base.CAREHOUSE_PASSPHRASE;
    if (!('CAREHOUSE_NEW_PASSPHRASE' in env)) delete base.CAREHOUSE_NEW_PASSPHRASE;
    const child = spawn(process.execPath, [cli, ...args], { env: base, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}
