import { expect, test } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { staffProfiles } from './support/personal-data-samples';
import { PlanPage } from './support/plan-page';
import { PlansPage } from './support/plans-page';
import { completeFirstRunProfile } from './support/profile-page';

test('open actions carry over to the next meeting by themselves, and leave once done', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('carried-forward'));
  try {
    await page.goto(host.url);
    await completeFirstRunProfile(page, staffProfiles.priya);
    const plans = new PlansPage(page);
    await plans.loadExamplePlans();
    await plans.open('Jill Marsh (example)');
    const plan = new PlanPage(page);

    await plan.openSection('Meetings');
    const carried = plan.view.locator('[data-carried-forward] tbody tr');
    await expect(carried).toHaveCount(6);
    await expect(plan.view.locator('[data-carried-forward]')).toContainText('OT home visit');

    await plan.openSection('Actions');
    const first = plan.item('Action 1');
    const what = await plan.field('What will happen', first).inputValue();
    await plan.field('Status', first).selectOption('done');
    await plan.expectAllSaved();

    await plan.openSection('Meetings');
    await expect(carried).toHaveCount(5);
    await expect(plan.view.locator('[data-carried-forward]')).not.toContainText(what);
  } finally {
    await host.stop();
  }
});
