import { _electron as electron, expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { freshDataDir, TEST_PASSPHRASE } from './support/browser-host-process';
import { completeFirstRunProfile } from './support/profile-page';

// A CommonJS build helper shared with `npm start` (scripts/ is plain JavaScript).
const { electronBinaryPath, ensureElectronSqliteBinding } = require('../../scripts/electron-sqlite-binding.cjs') as {
  electronBinaryPath: () => string | null;
  ensureElectronSqliteBinding: () => string;
};

const binary = electronBinaryPath();
test.skip(binary === null, 'The Electron binary is not installed on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, as the registry-only network requires); this spec runs wherever `npm install` could download Electron.');

async function launch(dataDir: string) {
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [join(__dirname, '..', '..', 'dist', 'main', 'electron-main.cjs')],
    env: { ...process.env, CAREHOUSE_DATA_DIR: dataDir, CAREHOUSE_ELECTRON_SQLITE_BINDING: ensureElectronSqliteBinding() },
  });
  const page = await app.firstWindow();
  return { app, page };
}

/** Without an OS keyring (CI, many Linux desktops) the app asks for a passphrase instead. */
async function unlockIfAsked(page: Page): Promise<void> {
  const passphrase = page.getByLabel('Passphrase');
  if (await passphrase.isVisible({ timeout: 3000 }).catch(() => false)) {
    await passphrase.fill(TEST_PASSPHRASE);
    await page.getByRole('button', { name: /Unlock|Protect my data/ }).click();
  }
}

test('the desktop app keeps a plan across a restart', async () => {
  const dataDir = freshDataDir();
  let { app, page } = await launch(dataDir);
  await unlockIfAsked(page);
  await completeFirstRunProfile(page, { name: 'Priya Nair', role: 'Social worker', organisation: 'Leeds City Council' });
  await page.getByLabel('Name for the new plan').fill('Jill Marsh');
  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: 'About me', exact: true }).click();
  await page.getByLabel('What is most important to me').fill('I want to stay in my own home.');
  await expect(page.getByRole('status').first()).toHaveText('All changes saved');
  await app.close();

  ({ app, page } = await launch(dataDir));
  await unlockIfAsked(page);
  await page.getByRole('button', { name: 'Open Jill Marsh' }).click();
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: 'About me', exact: true }).click();
  await expect(page.getByLabel('What is most important to me')).toHaveValue('I want to stay in my own home.');
  // The sandboxed renderer has no Node: the bridge is the only way out.
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  await app.close();
});
