import { expect, test } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { staffProfiles } from './support/personal-data-samples';
import { openJillExampleAsPriya } from './support/jill-example';

test('items move with the keyboard, and a removed item is listed under Removed items and can be restored', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('item-lists'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    await plan.openSection('Goals');
    const first = 'Get to lunch club every Tuesday without being exhausted';
    const second = 'Feel safe moving around my house';
    // Goals are rows; each row's "Goal, in my words" is labelled with its row.
    const words = (n: number) => plan.field(`Goal, in my words, goal ${n}`);
    await expect(words(1)).toHaveValue(first);

    // Keyboard only: open the first goal's whole form, focus "Move down", press Enter; the goal moves and keeps the focus.
    const moveDown = (await plan.openDetails('Goal', 1)).getByRole('button', { name: 'Move down Goal 1' });
    await moveDown.focus();
    await page.keyboard.press('Enter');
    await expect(words(2)).toHaveValue(first);
    await expect(words(1)).toHaveValue(second);
    await expect(plan.item('Goal 2').getByRole('button', { name: 'Move down Goal 2' })).toBeFocused();

    await plan.item('Goal 2').getByRole('button', { name: 'Remove Goal 2' }).click();
    await expect(plan.view.locator('tr[data-item-row]')).toHaveCount(2);
    const removed = plan.view.locator('details.removed-items');
    await removed.getByText('Removed items (1)').click();
    await expect(removed).toContainText(first);
    await expect(removed).toContainText(`removed by ${staffProfiles.priya.name}`);
    await removed.getByRole('button', { name: `Restore ${first}` }).click();
    await expect(plan.view.locator('tr[data-item-row]')).toHaveCount(3);
    await expect(plan.view.locator('details.removed-items')).toHaveCount(0);
    await plan.expectAllSaved();
  } finally {
    await host.stop();
  }
});
