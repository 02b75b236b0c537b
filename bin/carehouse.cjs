#!/usr/bin/env node
// The `carehouse` command: runs the built CLI, building it first on a fresh checkout.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');
const cli = join(root, 'dist', 'main', 'cli.cjs');
if (!existsSync(cli)) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
require(cli)
  .runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  })
  .then((code) => process.exit(code));
