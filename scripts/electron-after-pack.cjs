// electron-builder afterPack hook: the packaged Electron binary must carry CareHouse's fuses.
// electron-builder flips `electronFuses` only AFTER this hook runs, so the hook flips the same
// settings itself (read from the one config, electron-builder.yml), then reads the binary
// back and fails the build if any fuse differs — a package never ships with a fuse open.
// The second flip electron-builder makes afterwards writes the same values again.
const path = require('node:path');
const { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } = require('@electron/fuses');

// A fuse's byte in the wire: ASCII '1' on, '0' off (@electron/fuses does not export its FuseState).
const FuseState = Object.freeze({ ENABLE: '1'.charCodeAt(0), DISABLE: '0'.charCodeAt(0) });

/** What electron-builder.yml must set (tests/unit/electron/electron-fuses.test.ts checks both). */
const REQUIRED_FUSES = Object.freeze({
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
});

const OPTION_OF = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
};

function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${product}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${product}.exe`);
  return path.join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  const configured = (context.packager.config && context.packager.config.electronFuses) || {};
  const wrong = Object.entries(REQUIRED_FUSES).filter(([name, value]) => configured[name] !== value);
  if (wrong.length > 0) {
    throw new Error(`electron-builder.yml electronFuses must set ${wrong.map(([name, value]) => `${name}: ${value}`).join(', ')}`);
  }
  const binary = electronBinary(context);
  const wire = { version: FuseVersion.V1, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 };
  for (const [name, value] of Object.entries(REQUIRED_FUSES)) wire[OPTION_OF[name]] = value;
  await flipFuses(binary, wire);
  const current = await getCurrentFuseWire(binary);
  const differing = Object.entries(REQUIRED_FUSES).filter(
    ([name, value]) => current[OPTION_OF[name]] !== (value ? FuseState.ENABLE : FuseState.DISABLE),
  );
  if (differing.length > 0) throw new Error(`Electron fuses not set in ${binary}: ${differing.map(([name]) => name).join(', ')}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.REQUIRED_FUSES = REQUIRED_FUSES;
module.exports.FuseState = FuseState;
