// Builds every runtime piece with esbuild: renderer (browser), Electron main + preload,
// browser host, CLI. esbuild because it is one fast, dependency-free tool for all four
// targets; the renderer needs no framework plugin (React JSX is built in).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --out DIR builds elsewhere (the build test checks a fresh copy without touching dist/).
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 && process.argv[outFlag + 1] ? process.argv[outFlag + 1] : join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const define = { __CAREHOUSE_VERSION__: JSON.stringify(pkg.version) };
// Native or data-file packages stay outside the bundle and load from node_modules.
const nodeExternals = ['better-sqlite3', 'electron', 'pdfkit', 'ws', 'bufferutil', 'utf-8-validate', 'pg-native'];

const common = { bundle: true, sourcemap: true, logLevel: 'warning', define, absWorkingDir: root };
// Production unless asked otherwise (NODE_ENV=development for React's development build and
// its warnings): npm start, start:browser, packaging and the tests all run what ships —
// React's minified production build, no development warnings, no DevTools console message.
const mode = process.env.NODE_ENV === 'development' ? 'development' : 'production';

mkdirSync(join(out, 'renderer'), { recursive: true });
await Promise.all([
  build({
    ...common,
    // The validation worker is its own file: whole-plan checks run off the page's thread.
    entryPoints: { app: 'renderer/main.tsx', 'validate-worker': 'renderer/validation/validate-worker.ts' },
    outdir: join(out, 'renderer'),
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
    minify: mode === 'production',
    define: { ...define, 'process.env.NODE_ENV': JSON.stringify(mode) },
  }),
  build({
    ...common,
    entryPoints: { app: 'renderer/styles.css' },
    outdir: join(out, 'renderer'),
  }),
  build({
    ...common,
    entryPoints: {
      'electron-main': 'main/electron/electron-main.ts',
      'browser-host': 'main/browser-host/run-browser-host.ts',
      cli: 'main/cli/carehouse-cli.ts',
      'signaling-server': 'main/sync/run-signaling-server.ts',
    },
    outdir: join(out, 'main'),
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: nodeExternals,
  }),
  build({
    ...common,
    // A sandboxed preload must be ONE CommonJS file that requires nothing but 'electron'.
    entryPoints: { preload: 'main/electron/preload.ts' },
    outdir: join(out, 'main'),
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
  }),
]);
copyFileSync(join(root, 'renderer/index.html'), join(out, 'renderer/index.html'));
// The favicon (browser tab) and the app icon, from resources/.
copyFileSync(join(root, 'resources/favicon.png'), join(out, 'renderer/favicon.png'));
copyFileSync(join(root, 'resources/icon.png'), join(out, 'renderer/icon.png'));
