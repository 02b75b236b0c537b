// `npm start`: build, make sure better-sqlite3 has a build for Electron's ABI, launch Electron.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { electronBinaryPath, ensureElectronSqliteBinding } = require('./electron-sqlite-binding.cjs');

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

const electronBinary = electronBinaryPath();
if (!electronBinary) {
  console.error(
    'The Electron binary is not installed (it was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD or could not be downloaded).\n' +
      '  - On a machine with internet access: node node_modules/electron/install.js\n' +
      '  - Or use the same app in your browser: npm run start:browser',
  );
  process.exit(1);
}

const binding = ensureElectronSqliteBinding();
const child = spawn(electronBinary, [join(root, 'dist', 'main', 'electron-main.cjs')], {
  stdio: 'inherit',
  env: { ...process.env, CAREHOUSE_ELECTRON_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
