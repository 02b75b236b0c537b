import { expect, test } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { completeFirstRunProfile } from './support/profile-page';

test('a plan typed into survives stopping and restarting the host', async ({ page }) => {
  const dataDir = freshDataDir();
  let host = await startBrowserHost(dataDir);
  try {
    await page.goto(host.url);
    await completeFirstRunProfile(page, { name: 'Priya Nair', role: 'Social worker', organisation: 'Leeds City Council' });
    await page.getByLabel('Name for the new plan').fill('Jill Marsh');
    await page.getByRole('button', { name: 'New plan' }).click();
    // A plan opens on its House of Care; each section has its own screen.
    await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: 'Person', exact: true }).click();
    await page.getByLabel('First name').fill('Jill');
    await page.getByLabel('Family name').fill('Marsh');
    await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: 'About me', exact: true }).click();
    await page.getByLabel('What is most important to me').fill('I want to stay in my own home and keep going to my Tuesday lunch club.');
    await expect(page.getByRole('status')).toHaveText('All changes saved');
  } finally {
    await host.stop();
  }

  host = await startBrowserHost(dataDir);
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Care plans' })).toBeVisible();
    await page.getByRole('button', { name: 'Open Jill Marsh' }).click();
    await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: 'Person', exact: true }).click();
    await expect(page.getByLabel('First name')).toHaveValue('Jill');
    await expect(page.getByLabel('Family name')).toHaveValue('Marsh');
    await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: 'About me', exact: true }).click();
    await expect(page.getByLabel('What is most important to me')).toHaveValue(
      'I want to stay in my own home and keep going to my Tuesday lunch club.',
    );
  } finally {
    await host.stop();
  }
});

test('the WebSocket refuses a connection without the launch token', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir());
  try {
    const origin = new URL(host.url).origin;
    await page.goto(`${origin}/`);
    await expect(page.getByRole('alert')).toContainText('access token');
    const outcome = await page.evaluate(
      (wsUrl) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(wsUrl);
          socket.onopen = () => resolve('opened');
          socket.onerror = () => resolve('refused');
        }),
      `${origin.replace('http', 'ws')}/api?token=wrong-token`,
    );
    expect(outcome).toBe('refused');
  } finally {
    await host.stop();
  }
});
