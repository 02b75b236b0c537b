import * as Y from 'yjs';
import { createHandlers } from '../../main/services/create-handlers';
import type { CareStore } from '../../main/store/care-store';
import { getPlanText } from '../../shared/plan';
import { bundleForChild, childEnv } from './crash-writer-bundle';
import { runNodeProgram } from './run-program';
import { spawnRelay, type RelayProcess } from './spawn-relay';
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

export type { RelayProcess } from './spawn-relay';

/** Starts `carehouse relay serve` (the CLI bundled for this test run) and waits for its "listening" line. */
export async function startRelayProcess(dataDir: string, extraArgs: readonly string[] = [], port = 0): Promise<RelayProcess> {
  return spawnRelay(await relayCli(), dataDir, cliEnv(), extraArgs, port);
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
