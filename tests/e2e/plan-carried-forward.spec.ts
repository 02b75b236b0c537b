import { expect, test } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { openJillExampleAsPriya } from './support/jill-example';
import { formatUkDate } from '../../shared/plan';

test('open actions carry over to the next meeting by themselves, and leave once done', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('carried-forward'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);

    await plan.openSection('Meetings');
    const carried = plan.view.locator('[data-carried-forward] tbody tr');
    await expect(carried).toHaveCount(6);
    await expect(plan.view.locator('[data-carried-forward]')).toContainText('OT home visit');
    // The meeting that agreed them is named with its date the UK way ("30 Nov 2026"), never as 2026-11-30.
    const meetingDay = formatUkDate(new Date().toISOString().slice(0, 10));
    await expect(carried.first()).toContainText(`meeting ${meetingDay}`);
    await expect(plan.view.locator('[data-carried-forward]')).not.toContainText(/\d{4}-\d{2}-\d{2}/);

    await plan.openSection('Actions');
    const first = await plan.openActionDetails(1);
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
