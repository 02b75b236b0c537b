import { expect, test } from '@playwright/test';
import { spawnRelay, type RelayProcess } from '../support/spawn-relay';
import { freshDataDir, startBrowserHost, type RunningHost } from './support/browser-host-process';
import { openJillExampleAsPriya } from './support/jill-example';
import { staffProfiles } from './support/personal-data-samples';
import { PlanPage } from './support/plan-page';
import { PlansPage } from './support/plans-page';
import { CLI, connectToPracticeServer, invite, relayEnv } from './support/practice-server';
import { completeFirstRunProfile } from './support/profile-page';

const FIELD = 'What is most important to me';
const WORDS = 'Seeing my grandson on Saturdays and keeping my garden going through the winter. '.repeat(16).trim();

/**
 * Two machines enrolled with one practice relay, no live meeting:
 * - a plan ticked "Keep this plan on this machine only" never reaches the other machine,
 *   while a plan made at the same time does (the positive control);
 * - emptying a long field on one machine is held on the other with a plain description;
 *   "Keep my plan as it is" keeps every word there, and the first machine gets them back.
 */
test('keep on this machine only, and a large removal from the practice server held until refused', async ({ browser }) => {
  test.setTimeout(300_000);
  const relayDir = freshDataDir('relay-keep');
  let relay: RelayProcess | undefined;
  const hosts: RunningHost[] = [];
  try {
    relay = await spawnRelay(CLI, relayDir, relayEnv);
    const priyaHost = await startBrowserHost(freshDataDir('keep-priya'));
    hosts.push(priyaHost);
    const tomHost = await startBrowserHost(freshDataDir('keep-tom'));
    hosts.push(tomHost);
    const priya = await (await browser.newContext()).newPage();
    const tom = await (await browser.newContext()).newPage();

    const priyaPlan = await openJillExampleAsPriya(priya, priyaHost.url);
    await priyaPlan.backToPlans();
    await connectToPracticeServer(priya, relay.url, invite(relayDir, staffProfiles.priya), staffProfiles.priya);
    await tom.goto(tomHost.url);
    await completeFirstRunProfile(tom, staffProfiles.tom);
    await connectToPracticeServer(tom, relay.url, invite(relayDir, staffProfiles.tom), staffProfiles.tom);
    const tomPlans = new PlansPage(tom);
    await expect(async () => {
      await tom.reload();
      await expect(tomPlans.card('Jill Marsh')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });

    // The practice server is down while Priya makes two plans, so nothing can sync before she chooses.
    const port = relay.port;
    expect(await relay.stop()).toBe(0);
    relay = undefined;
    const priyaPlans = new PlansPage(priya);
    await priyaPlans.createPlan('Private family notes');
    const keep = priya.getByLabel('Keep this plan on this machine only');
    await expect(keep).toBeVisible();
    await expect(keep).not.toBeChecked();
    await keep.check();
    await expect(keep).toBeChecked();
    await priyaPlan.backToPlans();
    await priyaPlans.createPlan('Shared review plan');
    await expect(priya.getByLabel('Keep this plan on this machine only')).not.toBeChecked();
    await priyaPlan.backToPlans();
    relay = await spawnRelay(CLI, relayDir, relayEnv, [], port);

    // Positive control: the ordinary plan arrives on Tom's machine; the kept one, offered in the
    // same round, never does. (A plan with no person's name yet arrives under a stand-in name.)
    const examples = await tomPlans.cards().count();
    await expect(async () => {
      await tom.reload();
      await expect(tomPlans.cards()).toHaveCount(examples + 1, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expect(tomPlans.card('Plan from the practice server')).toHaveCount(1);
    await expect(tomPlans.card('Private family notes')).toHaveCount(0);
    // The choice is remembered on Priya's machine.
    await priyaPlans.open('Private family notes');
    await expect(priya.getByLabel('Keep this plan on this machine only')).toBeChecked();
    await priyaPlan.backToPlans();

    // Both open Jill's plan; Priya writes a long answer, which reaches Tom.
    await priyaPlans.open('Jill Marsh (example)');
    await priyaPlan.openSection('About me');
    await priyaPlan.field(FIELD).fill(WORDS);
    await priyaPlan.expectAllSaved();
    await tomPlans.open('Jill Marsh');
    const tomPlan = new PlanPage(tom);
    await tomPlan.openSection('About me');
    await expect(tomPlan.field(FIELD)).toHaveValue(WORDS, { timeout: 60_000 });

    // Priya empties it: on Tom's machine it is held, described, and not applied.
    await priyaPlan.field(FIELD).fill('');
    await priyaPlan.expectAllSaved();
    const held = tom.locator('[data-relay-held-removal]');
    await expect(held).toBeVisible({ timeout: 60_000 });
    await expect(held).toContainText(`would empty “${FIELD}”`);
    await expect(held).toContainText('has not been applied to your plan');
    await expect(tomPlan.field(FIELD)).toHaveValue(WORDS);
    await held.getByRole('button', { name: 'Keep my plan as it is' }).click();
    await expect(held).toHaveCount(0);
    await expect(tomPlan.field(FIELD)).toHaveValue(WORDS);
    await tomPlan.expectAllSaved();
    // The refusal is restored forward through the practice server: Priya's plan has the words again.
    await expect(priyaPlan.field(FIELD)).toHaveValue(WORDS, { timeout: 60_000 });
    await tom.setViewportSize({ width: 1366, height: 768 });
  } finally {
    for (const host of hosts) await host.stop();
    await relay?.stop();
  }
});
