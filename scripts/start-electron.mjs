// `npm start`: build, make sure better-sqlite3 has a build for Electron's ABI (kept apart
// from the Node build that tests and the CLI use, so neither overwrites the other), then
// launch Electron. Whichever of `npm start` and `npm test` ran last, both keep working.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

let electronBinary;
try {
  electronBinary = require('electron');
} catch {
  electronBinary = undefined;
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  console.error(
    'The Electron binary is not installed (it was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD or could not be downloaded).\n' +
      '  - On a machine with internet access: node node_modules/electron/install.js\n' +
      '  - Or use the same app in your browser: npm run start:browser',
  );
  process.exit(1);
}

const electronVersion = require('electron/package.json').version;
const bindingDir = join(root, '.cache', 'electron-sqlite', `${electronVersion}-${process.platform}-${process.arch}`);
const binding = join(bindingDir, 'better_sqlite3.node');
if (!existsSync(binding)) {
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
}

const child = spawn(electronBinary, [join(root, 'dist', 'main', 'electron-main.cjs')], {
  stdio: 'inherit',
  env: { ...process.env, CAREHOUSE_ELECTRON_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
