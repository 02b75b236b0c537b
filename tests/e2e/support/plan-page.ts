import { expect, type Locator, type Page } from '@playwright/test';

export type HousePartKey = 'roof' | 'leftWall' | 'centre' | 'rightWall' | 'foundation';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An open plan: its navigation, the House of Care, and the items on a section screen. */
export class PlanPage {
  constructor(readonly page: Page) {}

  /** The screen's content area (below the navigation). */
  get view(): Locator {
    return this.page.locator('.plan-view');
  }

  navButton(title: string): Locator {
    return this.page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: title, exact: true });
  }

  /** Opens a screen from the plan's navigation and waits for its heading. */
  async openSection(title: string, heading: string = title): Promise<void> {
    await this.navButton(title).click();
    await expect(this.view.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }

  async openHouse(): Promise<void> {
    await this.openSection('House of Care');
  }

  housePart(part: HousePartKey): Locator {
    return this.page.locator(`[data-house-part="${part}"]`);
  }

  /** e.g. "3 of 5 filled". */
  houseSummary(part: HousePartKey): Locator {
    return this.housePart(part).getByTestId('house-part-summary');
  }

  /** One item card by its heading ("Goal 2"), anywhere on the screen or within `scope`. */
  item(name: string, scope: Locator = this.view): Locator {
    return scope.getByRole('article', { name: new RegExp(`^${escapeRegExp(name)}(:|$)`) });
  }

  /** Presses "Add <item>" (within `scope`) and returns the new, last item of that kind. */
  async addItem(itemLabel: string, heading: string, scope: Locator = this.view): Promise<Locator> {
    await scope.getByRole('button', { name: `Add ${itemLabel}`, exact: true }).last().click();
    const count = await scope.getByRole('article', { name: new RegExp(`^${escapeRegExp(heading)} \\d+(:|$)`) }).count();
    const item = this.item(`${heading} ${count}`, scope);
    await expect(item).toBeVisible();
    return item;
  }

  field(label: string, scope: Locator = this.view): Locator {
    return scope.getByLabel(label, { exact: true });
  }

  /** A checklist (Goals it serves, Needs it addresses...) by its legend. */
  checklist(legend: string, scope: Locator = this.view): Locator {
    return scope.getByRole('group', { name: legend, exact: true });
  }

  async expectAllSaved(): Promise<void> {
    await expect(this.page.locator('[data-save-status]')).toHaveAttribute('data-save-status', 'saved');
  }

  async backToPlans(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to plans' }).click();
  }
}
