import { expect, test, type Locator } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { staffProfiles } from './support/personal-data-samples';
import { PlanPage } from './support/plan-page';
import { PlansPage } from './support/plans-page';
import { completeFirstRunProfile } from './support/profile-page';

interface HistoryRow {
  who: string;
  role: string;
  what: string;
}

/** The History of changes rows, newest first. */
async function historyRows(view: Locator): Promise<HistoryRow[]> {
  const rows = view.locator('table.history-table tbody tr');
  const result: HistoryRow[] = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    const cell = async (column: number) => (await rows.nth(index).locator('td').nth(column).innerText()).trim();
    result.push({ who: await cell(1), role: await cell(2), what: await cell(3) });
  }
  return result;
}

test('the History of changes view says which of two people changed which part, and when', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('history-two-profiles'));
  try {
    await page.goto(host.url);
    await completeFirstRunProfile(page, staffProfiles.priya);
    const plans = new PlansPage(page);
    await plans.createPlan('Jill Marsh');
    const plan = new PlanPage(page);
    await plan.openSection('About me');
    await plan.field('What is most important to me').fill('I want to stay in my own home.');
    await plan.expectAllSaved();
    await plan.backToPlans();

    // The same laptop, handed to the practice nurse: he changes the profile, then edits.
    await page.getByRole('button', { name: /Edit profile/ }).click();
    await page.getByLabel('Your name').fill(staffProfiles.tom.name);
    await page.getByLabel('Your role').fill(staffProfiles.tom.role);
    await page.getByLabel('Your organisation').fill(staffProfiles.tom.organisation);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await plans.open('Jill Marsh');
    await plan.openSection('Person');
    await plan.field('Preferred name').fill('Jill');
    await plan.expectAllSaved();

    await plan.openSection('History of changes');
    await plan.view.getByRole('button', { name: 'Refresh history' }).click();
    await expect(plan.view.locator('table.history-table tbody tr').first()).toBeVisible();
    const rows = await historyRows(plan.view);
    const tomRows = rows.filter(({ who }) => who.startsWith(staffProfiles.tom.name));
    const priyaRows = rows.filter(({ who }) => who.startsWith(staffProfiles.priya.name));
    expect(tomRows.length).toBeGreaterThan(0);
    expect(priyaRows.length).toBeGreaterThan(0);
    // Each person's edits are in the section they touched, and only theirs.
    expect(tomRows.every(({ role }) => role === staffProfiles.tom.role)).toBe(true);
    expect(tomRows.some(({ what }) => what.includes('Person'))).toBe(true);
    expect(tomRows.some(({ what }) => what.includes('About me'))).toBe(false);
    expect(priyaRows.some(({ what }) => what.includes('About me'))).toBe(true);
    expect(priyaRows.some(({ what }) => what === 'Created the plan')).toBe(true);
    // Newest first: Tom's edit comes before any of Priya's.
    expect(rows[0]?.who).toContain(staffProfiles.tom.name);
  } finally {
    await host.stop();
  }
});
