import { spawn, type ChildProcess } from 'node:child_process';
import * as Y from 'yjs';
import { createHandlers } from '../../main/services/create-handlers';
import type { CareStore } from '../../main/store/care-store';
import { getPlanText } from '../../shared/plan';
import { bundleForChild, childEnv } from './crash-writer-bundle';
import { runNodeProgram } from './run-program';
import { TEST_PASSPHRASE } from './temp-store';

/** Relay processes and CLI runs for the practice relay tests: real child processes, real ports. */
export const RELAY_PASSPHRASE = 'relay passphrase for tests';

let cliBundle: Promise<string> | undefined;
export function relayCli(): Promise<string> {
  cliBundle ??= bundleForChild('main/cli/carehouse-cli.ts', 'carehouse-cli');
  return cliBundle;
}

export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return childEnv({ CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE, CAREHOUSE_RELAY_PASSPHRASE: RELAY_PASSPHRASE, ...extra });
}

export async function runCli(args: readonly string[], timeoutMs = 120_000) {
  return runNodeProgram(await relayCli(), args, cliEnv(), timeoutMs);
}

export interface RelayProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Graceful stop (SIGTERM); resolves with the exit code. */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

/** Starts `carehouse relay serve` and waits for its one "listening" line. */
export async function startRelayProcess(dataDir: string, extraArgs: readonly string[] = [], port = 0): Promise<RelayProcess> {
  const cli = await relayCli();
  const child = spawn(process.execPath, [cli, 'relay', 'serve', '--data-dir', dataDir, '--port', String(port), ...extraArgs], {
    env: cliEnv(),
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

export async function invite(relayDir: string, name: string, role: string): Promise<string> {
  const result = await runCli(['relay', 'invite', '--data-dir', relayDir, '--name', name, '--role', role]);
  if (result.code !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
}

/** Appends a local edit to a plan through the same handler the app uses. */
export async function typeInto(store: CareStore, planId: string, text: string): Promise<void> {
  const handlers = createHandlers(store, { version: 'test' });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, store.loadPlan(planId).state);
  const before = Y.encodeStateVector(doc);
  const field = getPlanText(doc, ['aboutMe', 'whatMatters']);
  if (!field) throw new Error('no whatMatters field');
  field.insert(field.length, text);
  await handlers.appendUpdate({ planId, update: Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64'), origin: { kind: 'local' } });
  doc.destroy();
}

export function whatMatters(store: CareStore, planId: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, store.loadPlan(planId).state);
  const text = getPlanText(doc, ['aboutMe', 'whatMatters'])?.toString() ?? '';
  doc.destroy();
  return text;
}
