import { expect, test } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { openJillExampleAsPriya } from './support/jill-example';

test('typing 11 characters into one field is one history entry naming the field, and paging reaches the very first change', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('history-readable'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    await plan.openSection('About me');
    const whatMatters = plan.field('What is most important to me');
    await whatMatters.press('End');
    // One key at a time, as a person types: each keystroke is saved as its own change.
    await whatMatters.pressSequentially(' Gardening', { delay: 60 });
    await whatMatters.press('!');
    await plan.expectAllSaved();

    await plan.openSection('History of changes');
    const rows = plan.view.locator('table.history-table tbody tr');
    await expect(rows.first()).toContainText('Changed What is most important to me (About me)');
    await expect(rows.first()).toContainText('Priya Nair');
    await expect(rows.filter({ hasText: 'What is most important to me' })).toHaveCount(1);
    // The example itself is credited to CareHouse, not to Priya who loaded it.
    await expect(rows.filter({ hasText: 'CareHouse examples' }).first()).toBeVisible();

    // Sixty more entries: one character into two fields in turn, each a new entry.
    await plan.openSection('About me');
    const other = plan.field('People who are important to me');
    for (let index = 0; index < 30; index += 1) {
      await whatMatters.press('End');
      await whatMatters.press('.');
      await other.press('End');
      await other.press('.');
    }
    await plan.expectAllSaved();
    await plan.openSection('History of changes');
    await expect(rows).toHaveCount(50);
    await expect(plan.view.getByText('Created the plan')).toHaveCount(0);
    await plan.view.getByRole('button', { name: 'Older changes' }).click();
    await expect(plan.view.locator('[data-history-page="2"]')).toBeVisible();
    await expect(rows.last()).toContainText('Created the plan');
    await expect(rows.last()).toContainText('CareHouse examples');
    await expect(plan.view.getByRole('button', { name: 'Older changes' })).toBeDisabled();
    await plan.view.getByRole('button', { name: 'Newer changes' }).click();
    await expect(plan.view.locator('[data-history-page="1"]')).toBeVisible();

    // Filter by person and by section: only Priya's About me changes, from every page.
    await plan.view.getByLabel('Changes by').selectOption('CareHouse examples');
    await expect(rows).toHaveCount(2);
    await plan.view.getByLabel('Changes by').selectOption('Priya Nair');
    await plan.view.getByLabel('Changes to').selectOption({ label: 'About me' });
    await expect(rows).toHaveCount(50);
    await expect(rows.filter({ hasNotText: 'About me' })).toHaveCount(0);
  } finally {
    await host.stop();
  }
});
