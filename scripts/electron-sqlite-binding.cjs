// better-sqlite3 is native: Node (tests, CLI, browser host) and Electron need different
// builds. This keeps Electron's build in .cache/, apart from node_modules' Node build, so
// `npm start` and `npm test` both work whichever ran last.
const { execFileSync } = require('node:child_process');
const { cpSync, existsSync, mkdirSync, copyFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

/** Path of the Electron binary, or null when it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD). */
function electronBinaryPath() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Builds (once per Electron version) and returns the better-sqlite3 binding for Electron. */
function ensureElectronSqliteBinding() {
  const electronVersion = require('electron/package.json').version;
  const bindingDir = join(root, '.cache', 'electron-sqlite', `${electronVersion}-${process.platform}-${process.arch}`);
  const binding = join(bindingDir, 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
  const work = join(root, '.cache', 'electron-sqlite', 'build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  rmSync(join(work, 'build'), { recursive: true, force: true });
  const gyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  execFileSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: work, stdio: 'inherit' },
  );
  mkdirSync(bindingDir, { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), binding);
  return binding;
}

module.exports = { electronBinaryPath, ensureElectronSqliteBinding };
