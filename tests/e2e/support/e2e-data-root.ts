import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every end-to-end data folder of one Playwright run lives under ONE root, so the last
 * spec (zz-logs-no-personal-data) can scan all of them. The run id is set once in
 * playwright.config.ts and inherited by every worker through the environment.
 */
export const E2E_RUN_ID_ENV = 'CAREHOUSE_E2E_RUN_ID';

export function e2eDataRoot(): string {
  const runId = process.env[E2E_RUN_ID_ENV] ?? `pid${process.ppid}`;
  const root = join(tmpdir(), `carehouse-e2e-${runId.replace(/[^A-Za-z0-9_-]/g, '')}`);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  return root;
}
