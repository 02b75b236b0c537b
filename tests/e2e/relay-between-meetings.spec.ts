import { expect, test } from '@playwright/test';
import { spawnRelay, type RelayProcess } from '../support/spawn-relay';
import { freshDataDir, startBrowserHost, type RunningHost } from './support/browser-host-process';
import { openJillExampleAsPriya } from './support/jill-example';
import { staffProfiles } from './support/personal-data-samples';
import { PlanPage } from './support/plan-page';
import { PlansPage } from './support/plans-page';
import { CLI, connectToPracticeServer, invite, relayEnv } from './support/practice-server';
import { completeFirstRunProfile } from './support/profile-page';

/**
 * Between meetings: two machines (two browser hosts, two Chromiums) enrolled with one
 * practice relay, and no live meeting. Priya marks an action done; Tom, with the plan open
 * on his machine, sees it done, and History of changes names Priya as the relay verified her.
 */
test('an action marked done on one machine shows done on the other, with its author in History', async ({ browser }) => {
  const relayDir = freshDataDir('relay');
  let relay: RelayProcess | undefined;
  const hosts: RunningHost[] = [];
  try {
    relay = await spawnRelay(CLI, relayDir, relayEnv);
    const priyaHost = await startBrowserHost(freshDataDir('relay-priya'));
    hosts.push(priyaHost);
    const tomHost = await startBrowserHost(freshDataDir('relay-tom'));
    hosts.push(tomHost);
    const priya = await (await browser.newContext()).newPage();
    const tom = await (await browser.newContext()).newPage();

    // Priya has Jill's plan; she connects her machine to the practice server.
    const priyaPlan = await openJillExampleAsPriya(priya, priyaHost.url);
    await priyaPlan.backToPlans();
    await connectToPracticeServer(priya, relay.url, invite(relayDir, staffProfiles.priya), staffProfiles.priya);

    // Tom's machine has never seen the plan; once connected, it appears.
    await tom.goto(tomHost.url);
    await completeFirstRunProfile(tom, staffProfiles.tom);
    const tomPlans = new PlansPage(tom);
    await expect(tomPlans.card('Jill Marsh')).toHaveCount(0);
    await connectToPracticeServer(tom, relay.url, invite(relayDir, staffProfiles.tom), staffProfiles.tom);
    await expect(async () => {
      await tom.reload();
      await expect(tomPlans.card('Jill Marsh')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await tomPlans.open('Jill Marsh');
    const tomPlan = new PlanPage(tom);
    await tomPlan.openSection('Actions');
    // The Actions screen is a table now: each row's controls are labelled with the action's number.
    const tomStatus = tomPlan.view.getByLabel('Status, action 1', { exact: true });
    await expect(tomStatus).not.toHaveValue('done');
    await expect(tom.locator('[data-relay-status]')).toContainText('synced with the practice server');

    // No meeting: Priya marks the action done on her machine.
    await new PlansPage(priya).open('Jill Marsh (example)');
    await priyaPlan.openSection('Actions');
    await priyaPlan.view.getByLabel('Status, action 1', { exact: true }).selectOption('done');
    await priyaPlan.expectAllSaved();

    // Tom's open plan shows it done, and History says Priya did it.
    await expect(tomStatus).toHaveValue('done', { timeout: 60_000 });
    await tomPlan.expectAllSaved();
    await tomPlan.openSection('History of changes');
    await tomPlan.view.getByRole('button', { name: 'Refresh history' }).click();
    const newest = tomPlan.view.locator('table.history-table tbody tr').first();
    await expect(newest).toContainText(staffProfiles.priya.name);
    await expect(newest).toContainText(staffProfiles.priya.role);
    await expect(newest).toContainText('Actions');
  } finally {
    for (const host of hosts) await host.stop();
    await relay?.stop();
  }
});
