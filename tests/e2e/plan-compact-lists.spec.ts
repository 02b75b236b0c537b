import { expect, test } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { openJillExampleAsPriya } from './support/jill-example';

const screens = [
  { title: 'Strengths and needs', heading: 'Strength' },
  { title: 'Contingency and safety plans', heading: 'Contingency plan' },
  { title: 'Additional support plans', heading: 'Support plan', add: 'support plan' },
  { title: 'Meetings', heading: 'Meeting' },
] as const;

test('on a 1920×1080 shared screen, strengths and needs, contingency plans, support plans and meetings are compact rows, their whole form one Details away', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const host = await startBrowserHost(freshDataDir('compact-lists'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    await page.getByRole('switch', { name: 'Shared screen mode: large type and high contrast' }).check();
    for (const screen of screens) {
      const { title, heading } = screen;
      await plan.openSection(title);
      const rows = plan.view.locator('tr[data-item-row]');
      if ('add' in screen) {
        // Jill has none yet: adding one is one row (its form opens), Close folds it back to a row.
        const added = await plan.addItem(screen.add, heading);
        await plan.field('Name of this plan', added).fill('Occupational therapy plan');
        await plan.view.getByRole('button', { name: `Close of ${heading.toLowerCase()} 1`, exact: true }).click();
        await plan.expectAllSaved();
      }
      await expect(rows.first(), title).toBeVisible();
      // No tall cards until asked for: every row is at most a quarter of the screen, and no item form is open.
      for (const box of await rows.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().height))) expect(box, title).toBeLessThanOrEqual(270);
      await expect(plan.view.getByRole('article'), title).toHaveCount(0);
      const item = await plan.openDetails(heading, 1);
      await expect(item, title).toBeVisible();
    }
  } finally {
    await host.stop();
  }
});
