import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe-check';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { openJillExampleAsPriya } from './support/jill-example';

/** The Practice server settings and the plan's relay status line pass axe-core, normal and shared-screen. */
test.use({ bypassCSP: true });

test('the Practice server settings and its refusal message pass axe-core in normal and shared-screen mode', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('a11y-practice-server'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    await plan.backToPlans();
    for (const shared of [false, true]) {
      await page.getByRole('switch', { name: 'Shared screen mode: large type and high contrast' }).setChecked(shared);
      await page.getByRole('button', { name: /Edit profile/ }).click();
      await expect(page.getByRole('heading', { name: 'Practice server' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      // A bad code: the plain refusal is shown, labelled, and announced.
      await page.getByLabel('Practice server address').fill('ws://127.0.0.1:9');
      await page.getByLabel('Invitation code').fill('NOT A CODE');
      await page.getByRole('button', { name: 'Connect to the practice server' }).click();
      await expect(page.getByRole('alert')).toContainText('letters, digits and dashes');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Cancel' }).click();
    }
  } finally {
    await host.stop();
  }
});
