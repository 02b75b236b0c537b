import { expect, type Page } from '@playwright/test';

export interface TestProfile {
  name: string;
  role: string;
  organisation: string;
}

/** First run: fill in who is using this machine. */
export async function completeFirstRunProfile(page: Page, profile: TestProfile): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome to CareHouse' })).toBeVisible();
  await page.getByLabel('Your name').fill(profile.name);
  await page.getByLabel('Your role').fill(profile.role);
  await page.getByLabel('Your organisation').fill(profile.organisation);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { name: 'Care plans' })).toBeVisible();
}
