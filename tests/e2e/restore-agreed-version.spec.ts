import { expect, test } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { openJillExampleAsPriya } from './support/jill-example';

/**
 * Issue 11, "nothing is beyond recovery": after the plan's text is emptied, "Restore this
 * agreed version" brings it back as one new change by this user, saved and shown in History
 * of changes as a restore — nothing earlier rewritten.
 */
test('Restore this agreed version brings emptied text back as a new change, recorded as a restore', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('restore-version'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    await plan.openSection('About me');
    const agreedWords = await plan.field('What is most important to me').inputValue();
    expect(agreedWords.length).toBeGreaterThan(20);

    await plan.openSection('Agree and versions', 'Agree this version');
    await plan.view.getByLabel('The person', { exact: true }).check();
    await plan.view.getByLabel('Priya Nair (Social worker)').check();
    await plan.view.getByRole('button', { name: 'Agree this version' }).click();
    await expect(plan.view.getByText('Agreed version 1 is stored and can no longer be changed.')).toBeVisible();

    // The words are emptied (as a careless or hostile edit would).
    await plan.openSection('About me');
    await plan.field('What is most important to me').fill('');
    await plan.expectAllSaved();

    await plan.openSection('Agree and versions', 'Agree this version');
    await plan.view.getByRole('button', { name: 'View version 1' }).click();
    await plan.view.getByRole('button', { name: 'Restore this agreed version' }).click();
    await plan.view.getByRole('button', { name: 'Yes, restore version 1' }).click();
    await expect(plan.view.getByRole('status').filter({ hasText: 'The plan now says what version 1 said.' })).toBeVisible();
    await plan.expectAllSaved();

    await plan.openSection('About me');
    await expect(plan.field('What is most important to me')).toHaveValue(agreedWords);
    await plan.openSection('History of changes');
    await plan.view.getByRole('button', { name: 'Refresh history' }).click();
    const newest = plan.view.locator('table.history-table tbody tr').first();
    await expect(newest).toContainText('Restored agreed version 1');
    await expect(newest).toContainText('Priya Nair');

  } finally {
    await host.stop();
  }
});
