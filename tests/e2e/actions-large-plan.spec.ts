import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { CareStore } from '../../main/store/care-store';
import { addDays, collectionSections, createItem, initialisePlanDoc, updateRecordSection } from '../../shared/plan';
import { freshDataDir, startBrowserHost, TEST_PASSPHRASE } from './support/browser-host-process';
import { PlanPage } from './support/plan-page';
import { PlansPage } from './support/plans-page';

const ACTIONS = 300;

// The app's CSP allows only its own scripts (rightly); let the test inject axe-core.
test.use({ bypassCSP: true });

/** Ids of serious and critical axe-core violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
  });
}
const editor = { by: 'Test', at: '2026-11-23T10:00:00.000Z' };

/** The bench's large plan: 50 goals, 300 dated actions, each owned by one of 12 team members. */
function largePlanState(today: string): Uint8Array {
  const doc = new Y.Doc();
  initialisePlanDoc(doc, '2026-11-23T09:00:00.000Z');
  updateRecordSection(doc, 'person', { firstName: 'Large' });
  const team = Array.from({ length: 12 }, (_, index) => createItem(doc, ['professionalContacts'], { name: `Team member ${index + 1}`, role: 'Nurse' }, editor));
  const goals = Array.from({ length: 50 }, (_, index) => createItem(doc, ['goals'], { words: `Goal number ${index + 1}`, status: 'active' }, editor));
  for (let index = 0; index < ACTIONS; index += 1) {
    createItem(doc, ['actions'], { what: `Action ${index + 1}: arrange something`, owner: { kind: 'careTeam', contactId: team[index % team.length] ?? '' }, dueDate: addDays(today, index % 60), goalIds: [goals[index % 50] ?? ''] }, editor);
  }
  return Y.encodeStateAsUpdate(doc);
}

function smallPlanState(): Uint8Array {
  const doc = new Y.Doc();
  initialisePlanDoc(doc, '2026-11-23T09:00:00.000Z');
  updateRecordSection(doc, 'person', { firstName: 'Small' });
  for (let index = 0; index < 6; index += 1) createItem(doc, ['actions'], { what: `Small action ${index + 1}` }, editor);
  return Y.encodeStateAsUpdate(doc);
}

function seed(dataDir: string): void {
  const store = CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase: TEST_PASSPHRASE } });
  const profile = { name: 'Priya Shah', role: 'Care coordinator', organisation: 'Test practice' };
  store.saveProfile(profile);
  store.createPlan(randomUUID(), 'Large plan', largePlanState(new Date().toISOString().slice(0, 10)), profile);
  store.createPlan(randomUUID(), 'Small plan', smallPlanState(), profile);
  store.close();
}

async function openActions(page: Page, url: string, planName: string): Promise<PlanPage> {
  await page.goto(url);
  await new PlansPage(page).open(planName);
  const plan = new PlanPage(page);
  await plan.openSection('Actions');
  return plan;
}

test('the large plan’s Actions screen draws the rows near the screen, not 300 rows of fields; screen readers still hear 300, and every row is reachable by scrolling and by Tab', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const dataDir = freshDataDir('actions-large');
  seed(dataDir);
  const host = await startBrowserHost(dataDir);
  try {
    // Control: a short list draws every row, as before (find-in-page sees every word).
    const small = await openActions(page, host.url, 'Small plan');
    await expect(small.view.locator('tr[data-action-row]')).toHaveCount(6);
    await expect(small.view.locator('table.actions-table')).not.toHaveAttribute('data-windowed', 'true');
    await page.getByRole('button', { name: 'Back to plans' }).click();

    const plan = await openActions(page, host.url, 'Large plan');
    const table = plan.view.locator('table.actions-table');
    const rows = plan.view.locator('tr[data-action-row]');
    await expect(rows.first()).toBeVisible();
    await expect(table).toHaveAttribute('aria-rowcount', String(ACTIONS + 1));
    const counts = await table.evaluate((element) => {
      const row = element.querySelector('tr[data-action-row]');
      return { tableNodes: element.querySelectorAll('*').length, rowNodes: row ? row.querySelectorAll('*').length + 1 : 0, drawn: element.querySelectorAll('tr[data-action-row]').length };
    });
    const fieldsPerAction = Object.keys(collectionSections.actions.fields).length;
    // Far fewer DOM nodes than every row's fields: at most a fifth of 300 drawn rows.
    expect(counts.rowNodes).toBeGreaterThan(fieldsPerAction);
    expect(counts.drawn).toBeLessThan(ACTIONS / 4);
    expect(counts.tableNodes).toBeLessThan((ACTIONS * counts.rowNodes) / 5);
    await expect(rows.first()).toHaveAttribute('aria-rowindex', '2');

    // Scrolled to the bottom, the last action is drawn, with its true place among all rows.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = plan.view.getByLabel(`What will happen, action ${ACTIONS}`, { exact: true });
    await expect(last).toBeVisible();
    await expect(last.locator('xpath=ancestor::tr[@data-action-row][1]')).toHaveAttribute('aria-rowindex', String(ACTIONS + 1));

    // Mid-table (undrawn rows above and below), the screen still passes axe-core.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect(table.locator('tr.table-gap')).toHaveCount(2);
    expect(await seriousViolations(page)).toEqual([]);

    // Back at the top, Tab walks from row to row past the first screenful without falling out of the table.
    await page.evaluate(() => window.scrollTo(0, 0));
    await plan.view.getByLabel('What will happen, action 1', { exact: true }).focus();
    let deepest = 0;
    for (let step = 0; step < 300 && deepest < 35; step += 1) {
      await page.keyboard.press('Tab');
      deepest = Math.max(deepest, await page.evaluate(() => Number(document.activeElement?.closest('tr[data-row-index]')?.getAttribute('data-row-index') ?? -1)));
    }
    expect(deepest).toBeGreaterThanOrEqual(35);

    // The focused row stays drawn (and keeps its typing) when the page is scrolled far away.
    const field = plan.view.getByLabel(`What will happen, action ${deepest + 1}`, { exact: true });
    await field.focus();
    await field.press('End');
    await page.keyboard.type(' kept');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(plan.view.getByLabel(`What will happen, action ${ACTIONS}`, { exact: true })).toBeVisible();
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(/ kept$/);
    await plan.expectAllSaved();

    // Adding an action to the long table: its row is drawn, counted, and takes the focus.
    await page.evaluate(() => window.scrollTo(0, 0));
    await plan.view.getByRole('button', { name: 'Add action', exact: true }).click();
    const added = plan.view.getByLabel(`What will happen, action ${ACTIONS + 1}`, { exact: true });
    await expect(added).toBeFocused();
    await expect(table).toHaveAttribute('aria-rowcount', String(ACTIONS + 3)); // + the header + the new row's open details
    await page.keyboard.type('New action typed straight in');
    await expect(added).toHaveValue('New action typed straight in');
    await plan.expectAllSaved();
  } finally {
    await host.stop();
  }
});
