import { expect, test } from '@playwright/test';
import { describeViolations, seriousViolations } from './support/axe-check';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { PlanPage } from './support/plan-page';
import { PlansPage } from './support/plans-page';
import { completeFirstRunProfile } from './support/profile-page';
import { staffProfiles } from './support/personal-data-samples';

// The app's CSP allows only its own scripts (rightly); let the test inject axe-core.
test.use({ bypassCSP: true });

const screens = [
  'At a glance',
  'Person',
  'About me',
  'Strengths and needs',
  'Goals',
  'Actions',
  'Care team',
  'Contingency and safety plans',
  'Additional support plans',
  'Consent and information sharing',
  'Agreement and review',
  'Services and support',
  'Meetings',
  'Live meeting',
  'History of changes',
  'Agree and versions',
  'Export',
];

test('the plans list, the plan at a glance and every screen of a plan (Live meeting, Agree and Export included) pass axe-core (no serious or critical), in normal and shared-screen mode', async ({ page }) => {
  test.setTimeout(120_000);
  const host = await startBrowserHost(freshDataDir('a11y'));
  try {
    await page.goto(host.url);
    await completeFirstRunProfile(page, staffProfiles.priya);
    const plans = new PlansPage(page);
    await plans.loadExamplePlans();
    await expect(plans.cards()).toHaveCount(3);
    const failures: string[] = [];
    const check = async (where: string) => {
      const found = await seriousViolations(page);
      if (found.length > 0) failures.push(`${where}:\n${describeViolations(found)}`);
    };
    await check('Plans list (normal)');
    await plans.open('Jill Marsh (example)');
    const plan = new PlanPage(page);
    const sharedSwitch = page.getByRole('switch', { name: 'Shared screen mode: large type and high contrast' });
    for (const mode of ['normal', 'shared screen'] as const) {
      if (mode === 'shared screen') {
        await sharedSwitch.check();
        await expect(page.locator('html')).toHaveClass(/shared-screen/);
      }
      for (const screen of screens) {
        await plan.openSection(screen, screen === 'Agree and versions' ? 'Agree this version' : screen);
        await check(`${screen} (${mode})`);
      }
    }
    await plan.backToPlans();
    await check('Plans list (shared screen)');
    // The switch is remembered on this machine.
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/shared-screen/);
    if (failures.length > 0) console.log(failures.join('\n\n'));
    expect(failures, failures.join('\n\n')).toEqual([]);
  } finally {
    await host.stop();
  }
});
