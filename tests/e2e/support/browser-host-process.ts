import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { e2eDataRoot } from './e2e-data-root';

export const TEST_PASSPHRASE = 'correct horse battery staple';

export interface RunningHost {
  url: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** A new data folder under this run's e2e root (see e2e-data-root.ts), so the run can be scanned at the end. */
export function freshDataDir(label = 'carehouse'): string {
  return mkdtempSync(join(e2eDataRoot(), `${label}-`));
}

/** Starts the real browser host (built renderer + real services + real SQLite) as its own process. */
export async function startBrowserHost(dataDir: string, extraArgs: string[] = []): Promise<RunningHost> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['dist/main/browser-host.cjs', '--data-dir', dataDir, '--port', '0', '--no-open', ...extraArgs],
    { env: { ...process.env, CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${output}`)), 30_000);
    const check = () => {
      const match = /CareHouse running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}: ${output}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
