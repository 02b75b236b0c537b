import type { Page } from '@playwright/test';
import { staffProfiles } from './personal-data-samples';
import { PlanPage } from './plan-page';
import { PlansPage } from './plans-page';
import { completeFirstRunProfile } from './profile-page';

/** First run as Priya on a fresh host, then Jill's example plan open on its house screen. */
export async function openJillExampleAsPriya(page: Page, hostUrl: string): Promise<PlanPage> {
  await page.goto(hostUrl);
  await completeFirstRunProfile(page, staffProfiles.priya);
  const plans = new PlansPage(page);
  await plans.loadExamplePlans();
  await plans.open('Jill Marsh (example)');
  return new PlanPage(page);
}
