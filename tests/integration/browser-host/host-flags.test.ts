import { beforeAll, describe, expect, it } from 'vitest';
import { bundleForChild, childEnv } from '../../support/crash-writer-bundle';
import { fingerprintDir } from '../../support/file-fingerprint';
import { runNodeProgram } from '../../support/run-program';
import { TEST_PASSPHRASE, tempDataDir } from '../../support/temp-store';

let host: string;
beforeAll(async () => {
  host = await bundleForChild('main/browser-host/run-browser-host.ts', 'browser-host');
});

describe('npm run start:browser flags', () => {
  it('refuses bad flags with usage and exit 2, before touching any data', async () => {
    const dataDir = tempDataDir('host-flags');
    const before = fingerprintDir(dataDir);
    const cases = [
      ['--bogus'],
      ['--port', 'eighty'],
      ['--port', '70000'],
      ['--data-dir'],
      ['--meeting-port', '-1'],
      ['stray-argument'],
    ];
    for (const args of cases) {
      const result = await runNodeProgram(host, ['--data-dir', dataDir, '--no-open', ...args], childEnv({ CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE }));
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain('Usage: npm run start:browser');
      expect(result.stdout, args.join(' ')).not.toContain('CareHouse running at');
    }
    expect(fingerprintDir(dataDir)).toBe(before);
  });

  it('refuses a folder that is not CareHouse data with a clear message', async () => {
    const result = await runNodeProgram(host, ['--data-dir', __dirname, '--no-open'], childEnv({ CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a CareHouse data folder');
  });
});
