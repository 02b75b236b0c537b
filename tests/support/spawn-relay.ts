import { spawn, type ChildProcess } from 'node:child_process';

/** A relay process for tests and benchmarks (no bundler here, so benchmarks can use it too). */
export interface RelayProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Graceful stop (SIGTERM); resolves with the exit code. */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

/** Starts `carehouse relay serve` from a built CLI and waits for its one "listening" line. */
export async function spawnRelay(cli: string, dataDir: string, env: NodeJS.ProcessEnv, extraArgs: readonly string[] = [], port = 0): Promise<RelayProcess> {
  const child = spawn(process.execPath, [cli, 'relay', 'serve', '--data-dir', dataDir, '--port', String(port), ...extraArgs], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /CareHouse relay listening at (wss?:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`relay exited (${code}): ${stderr}`)));
  });
  return {
    url,
    port: Number(new URL(url.replace(/^ws/, 'http')).port),
    child,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

