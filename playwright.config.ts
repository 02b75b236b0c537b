import { defineConfig } from '@playwright/test';

/** Debian's Chromium (never a downloaded browser) with the flags that work on locked-down machines. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// One id per run, inherited by every worker: all e2e data folders go under one root
// (tests/e2e/support/e2e-data-root.ts) so zz-logs-no-personal-data can scan them all.
process.env.CAREHOUSE_E2E_RUN_ID ??= `${Date.now()}-${process.pid}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Several participants means several hosts and browsers: one test at a time on 2 cores.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    headless: true,
    launchOptions: { executablePath: process.env.CAREHOUSE_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});
