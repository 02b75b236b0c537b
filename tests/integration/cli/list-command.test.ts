import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/services/create-handlers';
import { bundleForChild, childEnv } from '../../support/crash-writer-bundle';
import { fingerprintDir } from '../../support/file-fingerprint';
import { runNodeProgram } from '../../support/run-program';
import { TEST_PASSPHRASE, openTestStore, tempDataDir, testActor } from '../../support/temp-store';

let cli: string;
beforeAll(async () => {
  cli = await bundleForChild('main/cli/carehouse-cli.ts', 'carehouse-cli');
});

function run(args: readonly string[], env: Record<string, string> = { CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE }) {
  return runNodeProgram(cli, args, childEnv(env));
}

describe('carehouse list', () => {
  it('prints the id and name of every plan in the data folder', async () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    store.saveProfile(testActor);
    const handlers = createHandlers(store, { version: 'test' });
    const jill = await handlers.createPlan({ displayName: 'Jill Marsh' });
    const amir = await handlers.createPlan({ displayName: 'Amir Hassan' });
    store.close();

    const result = await run(['list', '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').sort();
    expect(lines).toEqual([`${jill.id}\tJill Marsh`, `${amir.id}\tAmir Hassan`].sort());
  });

  it('refuses bad flags and unknown commands with usage and exit 2, touching nothing', async () => {
    const dataDir = tempDataDir();
    openTestStore(dataDir).close();
    const before = fingerprintDir(dataDir);
    for (const args of [['list'], ['list', '--data-dir'], ['list', '--data-dir', dataDir, '--bogus'], ['list', '--data-dir', dataDir, 'extra'], ['frobnicate'], []]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/Usage|usage/);
    }
    expect(fingerprintDir(dataDir)).toBe(before);
  });

  it('refuses a wrong passphrase with a clear error and changes nothing', async () => {
    const dataDir = tempDataDir();
    openTestStore(dataDir).close();
    const before = fingerprintDir(dataDir);
    const result = await run(['list', '--data-dir', dataDir], { CAREHOUSE_PASSPHRASE: 'not the passphrase' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not unlock');
    expect(fingerprintDir(dataDir)).toBe(before);
  });
});
