import { expect, type Locator, type Page } from '@playwright/test';

/** The plans list: create, find, open plans and load the examples. */
export class PlansPage {
  constructor(readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Care plans', level: 1 })).toBeVisible();
  }

  async createPlan(name: string): Promise<void> {
    await this.page.getByLabel('Name for the new plan').fill(name);
    await this.page.getByRole('button', { name: 'New plan' }).click();
  }

  async loadExamplePlans(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load example plans' }).click();
  }

  /** The card of one plan in the list, by the name shown on it. */
  card(displayName: string): Locator {
    return this.page.locator('.plan-card').filter({ has: this.page.getByRole('heading', { name: displayName, exact: true }) });
  }

  cards(): Locator {
    return this.page.locator('.plan-card');
  }

  async open(displayName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open ${displayName}`, exact: true }).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search by name or NHS number').fill(text);
  }
}
