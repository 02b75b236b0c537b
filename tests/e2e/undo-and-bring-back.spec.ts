import { expect, test } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { describeViolations, seriousViolations } from './support/axe-check';
import { openJillExampleAsPriya } from './support/jill-example';

// axe-core is injected as a script: the page must allow it.
test.use({ bypassCSP: true });

/**
 * Issue 11, "nothing is beyond recovery", from History of changes: deleted text is brought
 * back, and a person's changes since a time are undone — each as one new change by this
 * user, saved and shown in the history in words.
 */
test('History of changes brings back deleted text and undoes a person’s changes since a time, each as a new change', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('undo-bring-back'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    await plan.openSection('About me');
    const field = plan.field('What is most important to me');
    const original = await field.inputValue();
    expect(original.length).toBeGreaterThan(30);
    await field.fill(original.slice(20)); // its first words are deleted
    await plan.expectAllSaved();

    await plan.openSection('History of changes');
    await plan.view.getByRole('button', { name: 'Refresh history' }).click();
    const deletion = plan.view.locator('table.history-table tbody tr').first();
    await expect(deletion).toContainText('Priya Nair');
    await expect(deletion.getByRole('button', { name: /^Undo Priya Nair's changes since / })).toBeVisible();
    // The new actions keep the screen free of serious or critical accessibility problems.
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    if (process.env.CAREHOUSE_SHOTS) {
      for (const [width, height] of [[1920, 1080], [1366, 768]] as const) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: `${process.env.CAREHOUSE_SHOTS}/history-${width}.png` });
      }
    }
    await deletion.getByRole('button', { name: 'Bring back what this removed' }).click();
    await deletion.getByRole('button', { name: 'Yes, bring it back' }).click();
    await expect(plan.view.getByRole('status').filter({ hasText: 'Brought back.' })).toBeVisible();
    await plan.expectAllSaved();
    await plan.view.getByRole('button', { name: 'Refresh history' }).click();
    await expect(plan.view.locator('table.history-table tbody tr').first()).toContainText('Brought back what Priya Nair removed');

    await plan.openSection('About me');
    await expect(field).toHaveValue(original);
    await field.fill(`${original} Words to undo.`);
    await plan.expectAllSaved();

    await plan.openSection('History of changes');
    await plan.view.getByRole('button', { name: 'Refresh history' }).click();
    const typing = plan.view.locator('table.history-table tbody tr').first();
    await typing.getByRole('button', { name: /^Undo Priya Nair's changes since / }).click();
    await typing.getByRole('button', { name: "Yes, undo Priya Nair's changes" }).click();
    await expect(plan.view.getByRole('status').filter({ hasText: /changes since .* are undone/ })).toBeVisible();
    await plan.expectAllSaved();
    await plan.view.getByRole('button', { name: 'Refresh history' }).click();
    const newest = plan.view.locator('table.history-table tbody tr').first();
    await expect(newest).toContainText("Undid Priya Nair's changes since");
    await expect(newest).toContainText('Made on this computer');

    await plan.openSection('About me');
    await expect(field).toHaveValue(original);
  } finally {
    await host.stop();
  }
});
