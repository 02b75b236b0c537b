import { expect, test, type Locator, type Page } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { openJillExampleAsPriya } from './support/jill-example';
import { PlanPage } from './support/plan-page';
import { PlansPage } from './support/plans-page';

const fullHd = { width: 1920, height: 1080 };

/** Entirely inside the first viewport (no scrolling): a bounding box, not just presence. */
async function expectInFirstViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, `${what} has a box`).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what} bottom`).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width, `${what} right`).toBeLessThanOrEqual(viewport.width);
}

async function turnOnSharedScreen(page: Page): Promise<void> {
  await page.getByRole('switch', { name: 'Shared screen mode: large type and high contrast' }).check();
  await expect(page.locator('html')).toHaveClass(/shared-screen/);
}

test("at 1920×1080 on a shared screen, what matters to Jill and six actions (what, who, when) are in the first viewport; a status changed in the table survives a restart", async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = freshDataDir('glance');
  await page.setViewportSize(fullHd);
  let host = await startBrowserHost(dataDir);
  try {
    await page.goto(host.url);
    await turnOnSharedScreen(page);
    const plan = await openJillExampleAsPriya(page, host.url);
    // A shared screen opens the plan with its navigation folded, at a glance.
    await expect(plan.navToggle).toHaveAttribute('aria-expanded', 'false');
    await expect(plan.view.getByRole('heading', { level: 2, name: 'At a glance' })).toBeVisible();

    const matters = page.getByTestId('glance-what-matters');
    await expect(matters).toContainText('I want to stay in my own home');
    await expectInFirstViewport(page, matters, 'What matters to Jill');

    const rows = plan.view.locator('tr[data-action-row]');
    await expect(rows).toHaveCount(6);
    for (let index = 0; index < 6; index += 1) {
      const row = rows.nth(index);
      for (const cell of ['what', 'who', 'when'] as const) {
        const located = row.locator(`.actions-table__${cell}`);
        await expect(located).not.toBeEmpty();
        await expectInFirstViewport(page, located, `action ${index + 1} ${cell}`);
      }
    }
    // Overdue first, then by date: the first row is the earliest date still to do.
    await expect(rows.first().locator('.actions-table__when')).not.toHaveText('No date');
    await expect(rows.last().locator('.actions-table__when')).toHaveText('No date');

    const row = plan.actionRow('Inhaler technique review and rescue pack');
    const status = row.getByRole('combobox');
    await expect(status).toHaveValue('open');
    await status.selectOption({ label: 'In progress' });
    await plan.expectAllSaved();
  } finally {
    await host.stop();
  }

  host = await startBrowserHost(dataDir);
  try {
    await page.goto(host.url);
    const plans = new PlansPage(page);
    await plans.open('Jill Marsh (example)');
    const plan = new PlanPage(page);
    const status = plan.actionRow('Inhaler technique review and rescue pack').getByRole('combobox');
    await expect(status).toHaveValue('inProgress');
    await expect(status.locator('option:checked')).toHaveText('In progress');
    // The other actions were not touched.
    await expect(plan.actionRow('OT home visit').getByRole('combobox')).toHaveValue('open');
  } finally {
    await host.stop();
  }
});

test('typing that is not saved keeps its status in view wherever the page is scrolled, and leaving then asks first', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const host = await startBrowserHost(freshDataDir('leave-warning'));
  let stopped = false;
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });

    // Control: with everything saved, leaving does not ask.
    await plan.openSection('About me');
    await plan.field('What is most important to me').press('End');
    await plan.field('What is most important to me').pressSequentially(' Saved.');
    await plan.expectAllSaved();
    const askedWhenSaved = await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(askedWhenSaved).toBe(false);
    // Control for the in-app question: saved, "Back to plans" leaves at once, asking nothing.
    await page.getByRole('button', { name: 'Back to plans' }).click();
    await expect(page.getByRole('heading', { name: 'Care plans', level: 1 })).toBeVisible();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await new PlansPage(page).open('Jill Marsh (example)');
    await plan.openSection('About me');

    // The host goes away: what is typed now cannot be saved.
    await host.stop();
    stopped = true;
    await plan.field('What is most important to me').pressSequentially(' Not saved.');
    const status = page.locator('[data-save-status]');
    await expect(status).not.toHaveAttribute('data-save-status', 'saved');
    await expect(status).toContainText('Not saved yet');
    // …and says how to get back: a restarted host has a new address.
    await expect(status).toContainText('open the new address it prints');

    // Scrolled to the bottom of the page, the status is still on screen.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(status).toBeInViewport();

    const askedWhenUnsaved = await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(askedWhenUnsaved).toBe(true);

    // In-app leaving asks too: "Back to plans" with unsaved typing asks, and staying keeps the plan and every word.
    await page.getByRole('button', { name: 'Back to plans' }).click();
    const question = page.getByRole('alertdialog', { name: 'Some changes are not saved yet' });
    await expect(question).toBeVisible();
    await expect(question).toBeInViewport();
    await expect(question.getByRole('button', { name: 'Stay on this plan' })).toBeFocused();
    await question.getByRole('button', { name: 'Stay on this plan' }).click();
    await expect(question).toBeHidden();
    await expect(plan.field('What is most important to me')).toHaveValue(/ Not saved\./);
    await expect(page.getByRole('heading', { name: 'Care plans', level: 1 })).toHaveCount(0);
    // Escape is "stay" as well.
    await page.getByRole('button', { name: 'Back to plans' }).click();
    await expect(question).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(question).toBeHidden();
    await expect(plan.field('What is most important to me')).toBeVisible();
    // And the browser really asks before closing the tab.
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toContain('beforeunload');
  } finally {
    if (!stopped) await host.stop();
  }
});

test('the plans screen shows My actions across plans (overdue flagged) and opens the plan from a row', async ({ page }) => {
  test.setTimeout(120_000);
  const host = await startBrowserHost(freshDataDir('my-actions'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    // Make one of Priya's actions late, then look at the plans screen.
    await plan.openSection('Actions');
    const due = plan.view.getByLabel('Due date, action 4', { exact: true });
    await expect(plan.view.getByLabel('What will happen, action 4', { exact: true })).toHaveValue(/community transport/);
    await due.fill('1/2/2025');
    await due.blur();
    await expect(due).toHaveValue('1 Feb 2025');
    await plan.expectAllSaved();
    await plan.backToPlans();
    const mine = page.locator('[data-my-actions]');
    await expect(mine.getByRole('heading', { name: 'My actions' })).toBeVisible();
    const rows = mine.locator('[data-my-action]');
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText('Arrange community transport');
    await expect(rows.first()).toContainText('1 Feb 2025');
    await expect(rows.first().locator('.badge--overdue')).toHaveText('Overdue');
    await expect(rows.nth(1).locator('.badge--overdue')).toHaveCount(0);
    await rows.first().getByRole('button', { name: /Jill Marsh \(example\)/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Care plan: Jill Marsh' })).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('free text follows the direction of what is typed: a right-to-left name reads right to left, an English one left to right', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('rtl'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    await plan.openSection('Person');
    const preferred = plan.field('Preferred name');
    const family = plan.field('Family name');
    await preferred.fill('أمير');
    await plan.expectAllSaved();
    expect(await preferred.evaluate((element) => element.matches(':dir(rtl)'))).toBe(true);
    // Control: the same kind of field with English in it stays left to right.
    expect(await family.evaluate((element) => element.matches(':dir(ltr)'))).toBe(true);
    await plan.openHouse();
    await expect(page.getByTestId('glance-what-matters')).toHaveAttribute('dir', 'auto');
  } finally {
    await host.stop();
  }
});

test('at a glance a long action list shows the first 15, overdue first, and the rest one button away', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('glance-long'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);
    await plan.openSection('Actions');
    // Jill has 6 actions: add 10 more, the last one already late.
    for (let added = 0; added < 10; added += 1) {
      const item = await plan.addAction();
      await plan.field('What will happen', item).fill(`Extra action ${added + 1}`);
      if (added === 9) await plan.field('Due date', item).fill('1/1/2025');
    }
    await plan.expectAllSaved();
    await plan.openHouse();
    const rows = plan.view.locator('tr[data-action-row]');
    await expect(rows).toHaveCount(15);
    await expect(rows.first()).toContainText('Extra action 10');
    await expect(rows.first()).toContainText('Overdue');
    await plan.view.getByRole('button', { name: 'Show all 16 actions' }).click();
    await expect(rows).toHaveCount(16);
  } finally {
    await host.stop();
  }
});
