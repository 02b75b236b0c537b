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

  /** The button that folds and unfolds the plan's navigation (folded at first on a shared screen). */
  get navToggle(): Locator {
    return this.page.getByRole('navigation', { name: 'Plan sections' }).locator('.plan-nav__toggle');
  }

  /** Unfolds the navigation if it is folded, as a user would. */
  async showNavigation(): Promise<void> {
    if ((await this.navToggle.getAttribute('aria-expanded')) === 'false') await this.navToggle.click();
    await expect(this.navToggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** Opens a screen from the plan's navigation and waits for its heading. */
  async openSection(title: string, heading: string = title): Promise<void> {
    await this.showNavigation();
    await this.navButton(title).click();
    await expect(this.view.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }

  /** The plan's home: the plan at a glance, with the House of Care below it. */
  async openHouse(): Promise<void> {
    await this.openSection('At a glance');
  }

  /** One row of the actions table (on the Actions screen or at a glance) by its text. */
  actionRow(text: string): Locator {
    return this.view.locator('tr[data-action-row]').filter({ hasText: text });
  }

  /** On the Actions screen: "Add action" adds a row and opens its whole form (the one open form); returns it. */
  async addAction(): Promise<Locator> {
    const rows = this.view.locator('tr[data-action-row]');
    const before = await rows.count();
    await this.view.getByRole('button', { name: 'Add action', exact: true }).click();
    await expect(rows).toHaveCount(before + 1);
    const item = this.item(`Action ${before + 1}`);
    await expect(item).toBeVisible();
    return item;
  }

  /** On the Actions screen: opens the whole form of action `n` (1-based, the plan's order) and returns it. */
  async openActionDetails(n: number): Promise<Locator> {
    const button = this.view.getByRole('button', { name: `Details of action ${n}`, exact: true });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    const item = this.item(`Action ${n}`);
    await expect(item).toBeVisible();
    return item;
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

  /**
   * Presses "Add <item>" (within `scope`) and returns the new item's form: the last card of
   * a list of cards, or the open Details of the new row of a table (goals, care team, services).
   */
  async addItem(itemLabel: string, heading: string, scope: Locator = this.view): Promise<Locator> {
    const button = scope.getByRole('button', { name: `Add ${itemLabel}`, exact: true }).last();
    const list = scope.locator('[data-list-path]').filter({ has: this.page.getByRole('button', { name: `Add ${itemLabel}`, exact: true }) }).last();
    const rows = list.locator('tr[data-item-row]');
    const articles = list.getByRole('article', { name: new RegExp(`^${escapeRegExp(heading)} \\d+(:|$)`) });
    const beforeRows = await rows.count();
    const beforeArticles = await articles.count();
    await button.click();
    await expect.poll(async () => (await rows.count()) > beforeRows || (await articles.count()) > beforeArticles).toBe(true);
    const number = (await rows.count()) > beforeRows ? beforeRows + 1 : beforeArticles + 1;
    const item = this.item(`${heading} ${number}`, list);
    await expect(item).toBeVisible();
    return item;
  }

  /** In a table (goals, care team, services): opens row `n`'s whole form ("Goal 2") and returns it. */
  async openDetails(heading: string, n: number, scope: Locator = this.view): Promise<Locator> {
    const button = scope.getByRole('button', { name: `Details of ${heading.toLowerCase()} ${n}`, exact: true });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    const item = this.item(`${heading} ${n}`, scope);
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
