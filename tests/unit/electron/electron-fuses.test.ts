import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../support/temp-store';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load: (text: string) => unknown };
type AfterPack = ((context: unknown) => Promise<void>) & { REQUIRED_FUSES: Record<string, boolean>; FuseState: { DISABLE: number; ENABLE: number } };
const afterPack = require('../../../scripts/electron-after-pack.cjs') as AfterPack;
const fuses = {
  ...(require('@electron/fuses') as {
    FuseV1Options: Record<string, number>;
    getCurrentFuseWire: (binary: string) => Promise<Record<string, unknown>>;
  }),
  FuseState: afterPack.FuseState,
};

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ISSUE_12_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

function builderConfig(): { electronFuses?: Record<string, boolean>; afterPack?: string } {
  return yaml.load(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses?: Record<string, boolean>; afterPack?: string };
}

/** A stand-in Electron binary: bytes around a real fuse wire (V1, 8 fuses), every fuse as Electron ships it (on). */
function fakeElectron(dir: string, name: string, withSentinel = true): string {
  const wire = Buffer.concat([
    Buffer.from(withSentinel ? SENTINEL : 'no-sentinel-here', 'latin1'),
    Buffer.from([1, 8]),
    Buffer.alloc(8, fuses.FuseState.ENABLE),
  ]);
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 7), wire, Buffer.alloc(4096, 9)]));
  return file;
}

const linuxContext = (appOutDir: string, config: unknown) => ({
  appOutDir,
  electronPlatformName: 'linux',
  arch: 1,
  packager: { executableName: 'carehouse', appInfo: { productFilename: 'CareHouse' }, config },
});

describe('Electron fuses (issue 12)', () => {
  it('electron-builder.yml sets every fuse the issue asks for, and runs the afterPack check', () => {
    const config = builderConfig();
    expect(config.electronFuses).toEqual(ISSUE_12_FUSES);
    expect(afterPack.REQUIRED_FUSES).toEqual(ISSUE_12_FUSES);
    expect(config.afterPack).toBe('scripts/electron-after-pack.cjs');
  });

  it('the afterPack hook sets the fuses in the packaged binary and reads them back', async () => {
    const appOutDir = tempDataDir('carehouse-pack');
    const binary = fakeElectron(appOutDir, 'carehouse');
    const before = await fuses.getCurrentFuseWire(binary);
    expect(before[fuses.FuseV1Options.RunAsNode ?? -1]).toBe(fuses.FuseState.ENABLE);
    await afterPack(linuxContext(appOutDir, builderConfig()));
    const after = await fuses.getCurrentFuseWire(binary);
    const { DISABLE, ENABLE } = fuses.FuseState;
    expect([
      after[fuses.FuseV1Options.RunAsNode ?? -1],
      after[fuses.FuseV1Options.EnableCookieEncryption ?? -1],
      after[fuses.FuseV1Options.EnableNodeOptionsEnvironmentVariable ?? -1],
      after[fuses.FuseV1Options.EnableNodeCliInspectArguments ?? -1],
      after[fuses.FuseV1Options.EnableEmbeddedAsarIntegrityValidation ?? -1],
      after[fuses.FuseV1Options.OnlyLoadAppFromAsar ?? -1],
    ]).toEqual([DISABLE, ENABLE, DISABLE, DISABLE, ENABLE, ENABLE]);
  });

  it('the hook fails the build when the config leaves a fuse open, or the binary has no fuse wire', async () => {
    const appOutDir = tempDataDir('carehouse-pack');
    fakeElectron(appOutDir, 'carehouse');
    const config = builderConfig();
    await expect(afterPack(linuxContext(appOutDir, { ...config, electronFuses: { ...config.electronFuses, runAsNode: true } }))).rejects.toThrow(
      /must set runAsNode: false/,
    );
    await expect(afterPack(linuxContext(appOutDir, { ...config, electronFuses: undefined }))).rejects.toThrow(/must set runAsNode: false, enableCookieEncryption: true/);
    const noWire = tempDataDir('carehouse-pack');
    fakeElectron(noWire, 'carehouse', false);
    await expect(afterPack(linuxContext(noWire, config))).rejects.toThrow(/sentinel/);
  });

  it('finds the binary per platform (the .exe on Windows)', async () => {
    const appOutDir = tempDataDir('carehouse-pack');
    mkdirSync(appOutDir, { recursive: true });
    const exe = fakeElectron(appOutDir, 'CareHouse.exe');
    await afterPack({ ...linuxContext(appOutDir, builderConfig()), electronPlatformName: 'win32' });
    expect((await fuses.getCurrentFuseWire(exe))[fuses.FuseV1Options.RunAsNode ?? -1]).toBe(fuses.FuseState.DISABLE);
  });
});
