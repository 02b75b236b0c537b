import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { PlanPage } from './plan-page';

export interface AgendaEntry {
  title: string;
  decision: string;
  reasoning?: string;
  dissent?: string;
}

export interface NewAction {
  what: string;
  /** The "Who will do it" option, e.g. "Kevin Doyle (Housing officer)". */
  who: string;
  due: string;
}

/** "Run the case conference": one meeting record, driven as the chair and the family would. */
export class MeetingRecordPage {
  readonly plan: PlanPage;

  constructor(readonly page: Page) {
    this.plan = new PlanPage(page);
  }

  get view(): Locator {
    return this.plan.view;
  }

  async open(): Promise<void> {
    await this.plan.openSection('Run the case conference');
  }

  async start(kind: string, date: string): Promise<void> {
    await this.view.getByLabel('Kind of meeting', { exact: true }).selectOption({ label: kind });
    await this.view.getByLabel('Date', { exact: true }).fill(date);
    await this.view.getByRole('button', { name: 'Start the meeting record' }).click();
    await expect(this.view.getByRole('heading', { name: 'Who is here' })).toBeVisible();
  }

  /** Opens an existing record from the list ("Family group conference, 2027-01-11"). */
  async openRecord(title: string): Promise<void> {
    await this.view.getByRole('button', { name: `Open ${title}`, exact: true }).click();
    await expect(this.view.getByRole('heading', { name: 'Who is here' })).toBeVisible();
  }

  candidate(name: string): Locator {
    return this.view.locator(`[data-candidates] tr[data-candidate="${name}"]`);
  }

  async markHere(name: string): Promise<void> {
    await this.view.getByRole('button', { name: `Here: ${name}`, exact: true }).click();
    await expect(this.list('attendees')).toContainText(name);
  }

  async markApologies(name: string): Promise<void> {
    await this.view.getByRole('button', { name: `Apologies: ${name}`, exact: true }).click();
    await expect(this.list('apologies')).toContainText(name);
  }

  list(which: 'attendees' | 'apologies'): Locator {
    return this.view.locator(`[data-list="${which}"]`);
  }

  async addSomeoneElse(name: string, role: string, organisation: string): Promise<void> {
    await this.view.getByLabel('Someone else: name').fill(name);
    await this.view.getByLabel('Their role').fill(role);
    await this.view.getByLabel('Their organisation').fill(organisation);
    await this.view.getByRole('button', { name: 'Add to attendees' }).click();
    await expect(this.list('attendees')).toContainText(name);
  }

  carried(what: string): Locator {
    return this.view.locator(`[data-carried-over] tr[data-carried-action="${what}"]`);
  }

  async reviewCarried(what: string, outcome: 'Done' | 'Still open' | 'Dropped', note: string): Promise<void> {
    const row = this.carried(what);
    await row.getByLabel(`Note on ${what}`).fill(note);
    await row.getByRole('button', { name: `${outcome}: ${what}`, exact: true }).click();
    await expect(row.locator('[data-outcome]')).toHaveText(outcome);
  }

  async addAgendaItem(entry: AgendaEntry): Promise<void> {
    const agenda = this.view.locator('[data-agenda]');
    const item = await this.plan.addItem('agenda item', 'Agenda item', agenda);
    await this.plan.field('Agenda item', item).fill(entry.title);
    await this.plan.field('Decision', item).fill(entry.decision);
    if (entry.reasoning) await this.plan.field('Reasoning', item).fill(entry.reasoning);
    if (entry.dissent) await this.plan.field('Dissent', item).fill(entry.dissent);
  }

  async addAction(action: NewAction): Promise<void> {
    await this.view.getByLabel('New action: what will happen').fill(action.what);
    await this.view.getByLabel('Who will do it', { exact: true }).selectOption({ label: action.who });
    await this.view.getByLabel('By when', { exact: true }).fill(action.due);
    await this.view.getByRole('button', { name: 'Add action', exact: true }).click();
    await expect(this.view.locator(`[data-new-actions] tr[data-agreed-action="${action.what}"]`)).toBeVisible();
  }

  privateNotes(): Locator {
    return this.view.getByLabel('The family’s private notes (this computer only)');
  }

  async expectPrivateNotesSaved(): Promise<void> {
    await expect(this.view.locator('[data-private-save]')).toHaveAttribute('data-private-save', 'saved');
  }

  /** Presses a download button and returns the file's name and bytes. */
  async download(label: string): Promise<{ name: string; bytes: Buffer }> {
    const downloading = this.page.waitForEvent('download');
    await this.view.getByRole('button', { name: label, exact: true }).click();
    const download = await downloading;
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  }
}
