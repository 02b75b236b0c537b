import { expect, test, type Page } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { openJillExampleAsPriya } from './support/jill-example';

/**
 * Counts renders of the REAL components in the real (production) build: the app's render
 * probe (renderer/views/plan/render-probe.ts) counts only when this Map exists before it starts.
 */
const installProbe = 'window.__carehouseRenderProbe = new Map();';

async function renderCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries((window as unknown as { __carehouseRenderProbe: Map<string, number> }).__carehouseRenderProbe));
}

async function resetCounts(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __carehouseRenderProbe: Map<string, number> }).__carehouseRenderProbe.clear());
}

function rowCounts(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([name]) => name.startsWith('action-row:')));
}

test('typing into one action on the Actions screen re-renders that row only; the goal checklist is built for one open row, not every row', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(installProbe);
  const host = await startBrowserHost(freshDataDir('render-count'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    await resetCounts(page);
    await plan.openSection('Actions');
    const rows = plan.view.locator('tr[data-action-row]');
    await expect(rows).toHaveCount(6);

    // Positive control: the probe sees every row when they render (here, mounting the screen).
    const mounted = rowCounts(await renderCounts(page));
    expect(Object.keys(mounted)).toHaveLength(6);
    for (const count of Object.values(mounted)) expect(count).toBeGreaterThanOrEqual(1);

    // No row carries its "Goals it serves" checklist until asked for.
    await expect(plan.view.getByRole('checkbox')).toHaveCount(0);

    const third = rows.nth(2);
    const thirdId = await third.getAttribute('data-action-row');
    const what = plan.view.getByLabel('What will happen, action 3', { exact: true });
    await what.click();
    await what.press('End');
    await resetCounts(page);
    await what.pressSequentially(' soon', { delay: 20 });
    await expect(what).toHaveValue(/ soon$/);
    await plan.expectAllSaved();

    const typed = rowCounts(await renderCounts(page));
    // Only the row typed into re-rendered — at least once per keystroke, none of the other five.
    expect(Object.keys(typed)).toEqual([`action-row:${thirdId}`]);
    expect(typed[`action-row:${thirdId}`]).toBeGreaterThanOrEqual(5);

    // Details opens the whole form for ONE action: one checkbox per goal, for that row only.
    const details = await plan.openActionDetails(3);
    const goals = 3;
    await expect(plan.view.getByRole('checkbox')).toHaveCount(goals);

    // The row's cell and the Details form show the same text: typing in one shows in the other.
    await plan.field('What will happen', details).press('End');
    await plan.field('What will happen', details).pressSequentially('!');
    await expect(what).toHaveValue(/ soon!$/);
  } finally {
    await host.stop();
  }
});

test('typing into one goal on the Goals screen re-renders that goal’s row only', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(installProbe);
  const host = await startBrowserHost(freshDataDir('render-count-goals'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    await resetCounts(page);
    await plan.openSection('Goals');
    const rows = plan.view.locator('tr[data-item-row]');
    await expect(rows).toHaveCount(3);
    const goalRows = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([name]) => name.startsWith('goals-row:')));
    // Positive control: mounting the screen renders every row.
    expect(Object.keys(goalRows(await renderCounts(page)))).toHaveLength(3);

    const secondId = await rows.nth(1).getAttribute('data-item-row');
    const words = plan.view.getByLabel('Goal, in my words, goal 2', { exact: true });
    await words.click();
    await words.press('End');
    await resetCounts(page);
    await words.pressSequentially(' too', { delay: 20 });
    await expect(words).toHaveValue(/ too$/);
    await plan.expectAllSaved();
    const typed = goalRows(await renderCounts(page));
    expect(Object.keys(typed)).toEqual([`goals-row:${secondId}`]);
    expect(typed[`goals-row:${secondId}`]).toBeGreaterThanOrEqual(4);
  } finally {
    await host.stop();
  }
});
