import { expect, test } from '@playwright/test';
import { freshDataDir, startBrowserHost, TEST_PASSPHRASE } from './support/browser-host-process';
import { PlanPage } from './support/plan-page';
import { PlansPage } from './support/plans-page';
import { completeFirstRunProfile } from './support/profile-page';
import { staffProfiles } from './support/personal-data-samples';
import { runNodeProgram, type ProgramResult } from '../support/run-program';

const exampleNames = ['Jill Marsh (example)', 'Amir Hassan (example)', 'Okonkwo family (example)'];

function carehouse(args: readonly string[]): Promise<ProgramResult> {
  return runNodeProgram('dist/main/cli.cjs', args, { ...process.env, CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE });
}

test('Load example plans adds Jill, Amir and the Okonkwo family once, with their details in the list', async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('examples-ui'));
  try {
    await page.goto(host.url);
    await completeFirstRunProfile(page, staffProfiles.priya);
    const plans = new PlansPage(page);
    await plans.loadExamplePlans();
    await expect(page.getByText('Added 3 example plans')).toBeVisible();
    await expect(plans.cards()).toHaveCount(3);
    for (const name of exampleNames) await expect(plans.card(name)).toBeVisible();
    await expect(plans.card('Jill Marsh (example)')).toContainText('999 526 0182');
    await expect(plans.card('Jill Marsh (example)')).toContainText('Priya Nair');

    // Loading again never duplicates them.
    await plans.loadExamplePlans();
    await expect(page.getByText('The example plans are already here.')).toBeVisible();
    await expect(plans.cards()).toHaveCount(3);

    await plans.search('Okonkwo');
    await expect(plans.cards()).toHaveCount(1);
    await plans.open('Okonkwo family (example)');
    const plan = new PlanPage(page);
    await plan.openHouse();
    await expect(plan.houseSummary('centre')).toHaveText(/[1-9] of 5 filled/);
  } finally {
    await host.stop();
  }
});

test('carehouse demo --data-dir adds the example plans the app then shows; bad flags exit 2', async ({ page }) => {
  const dataDir = freshDataDir('examples-cli');
  expect((await carehouse(['demo'])).code).toBe(2);
  expect((await carehouse(['demo', '--data-dir', dataDir, '--bogus'])).code).toBe(2);
  expect((await carehouse(['demo', '--data-dir'])).code).toBe(2);

  const first = await carehouse(['demo', '--data-dir', dataDir]);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout.match(/\tadded$/gm)).toHaveLength(3);
  const second = await carehouse(['demo', '--data-dir', dataDir]);
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout.match(/\talready here$/gm)).toHaveLength(3);

  const host = await startBrowserHost(dataDir);
  try {
    await page.goto(host.url);
    await completeFirstRunProfile(page, staffProfiles.tom);
    const plans = new PlansPage(page);
    await expect(plans.cards()).toHaveCount(3);
    for (const name of exampleNames) await expect(plans.card(name)).toBeVisible();
  } finally {
    await host.stop();
  }
});
