import { expect, test } from '@playwright/test';
import { formatUkDate } from '../../shared/plan';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { openJillExampleAsPriya } from './support/jill-example';

test('the House of Care says "agreed" only from a real agreed version: a draft never, agreed version 1 with whom, then "changed since version 1" after an edit', async ({ page }) => {
  test.setTimeout(120_000);
  const host = await startBrowserHost(freshDataDir('house-agreement'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    const agreement = plan.view.getByTestId('house-agreement');
    const version = plan.view.getByTestId('glance-version');

    // A draft (never agreed) never says agreed.
    await plan.openHouse();
    await expect(agreement).toHaveText('Not agreed yet: this is a draft');
    await expect(agreement).toHaveAttribute('data-agreement', 'draft');
    await expect(version).toHaveText('DRAFT — not agreed');

    // Agreed with Jill and her daughter: the roof says so, with the version, the date and with whom.
    await plan.openSection('Agree and versions', 'Agree this version');
    await plan.view.getByLabel('The person', { exact: true }).check();
    await plan.view.getByRole('group', { name: 'Family and carers who also agreed' }).getByLabel('Karen Marsh (Daughter)').check();
    await plan.view.getByLabel('Tom Reid (Practice nurse)').check();
    await plan.view.getByRole('button', { name: 'Agree this version' }).click();
    await expect(plan.view.getByText('Agreed version 1 is stored and can no longer be changed.')).toBeVisible();
    await plan.openHouse();
    const today = formatUkDate(new Date().toISOString().slice(0, 10));
    await expect(agreement).toHaveText(`Agreed: version 1, ${today}, with Jill Marsh (the person), Karen Marsh (Daughter)`);
    await expect(agreement).toHaveAttribute('data-agreement', 'agreed');
    await expect(version).toHaveText(`Agreed version 1 (${today})`);

    // One word changed: no longer the agreed version.
    await plan.openSection('About me');
    await plan.field('What is most important to me').press('End');
    await plan.field('What is most important to me').pressSequentially(' Changed.');
    await plan.expectAllSaved();
    await plan.openHouse();
    await expect(agreement).toHaveText(`Not agreed: changed since version 1 (${today})`);
    await expect(agreement).toHaveAttribute('data-agreement', 'draft');
    await expect(version).toContainText('changed since version 1');
  } finally {
    await host.stop();
  }
});
