import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import type { TestProfile } from './profile-page';

/** The practice relay in end-to-end tests: the built CLI, an invitation, and the "Practice server" settings. */
export const CLI = 'dist/main/cli.cjs';
export const relayEnv = { ...process.env, CAREHOUSE_RELAY_PASSPHRASE: 'relay passphrase for e2e' };

export function invite(relayDir: string, profile: TestProfile): string {
  return execFileSync(process.execPath, [CLI, 'relay', 'invite', '--data-dir', relayDir, '--name', profile.name, '--role', profile.role], {
    env: relayEnv,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .toString()
    .trim();
}

export async function connectToPracticeServer(page: Page, relayUrl: string, code: string, profile: TestProfile): Promise<void> {
  await page.getByRole('button', { name: /Edit profile/ }).click();
  await expect(page.getByRole('heading', { name: 'Practice server' })).toBeVisible();
  await page.getByLabel('Practice server address').fill(relayUrl);
  await page.getByLabel('Invitation code').fill(code);
  await page.getByRole('button', { name: 'Connect to the practice server' }).click();
  await expect(page.getByText(`Connected as ${profile.name} (${profile.role})`)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
}
