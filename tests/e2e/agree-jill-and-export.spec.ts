import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { PlanPage } from './support/plan-page';
import { jillMarsh, staffProfiles } from './support/personal-data-samples';
import { openJillExampleAsPriya } from './support/jill-example';

/** Presses Export and returns the downloaded file's name and bytes. */
async function exportAs(page: Page, formatLabel: string): Promise<{ name: string; bytes: Buffer }> {
  const plan = new PlanPage(page);
  await plan.view.getByLabel(formatLabel, { exact: true }).check();
  const downloading = page.waitForEvent('download');
  await plan.view.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const path = await download.path();
  await expect(plan.view.getByRole('status').filter({ hasText: download.suggestedFilename() })).toBeVisible();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test("Jill's plan is agreed in the UI, then exported in each of the five formats from the UI", async ({ page }) => {
  const host = await startBrowserHost(freshDataDir('agree-export'));
  try {
    const plan = await openJillExampleAsPriya(page, host.url);

    // Agree this version.
    await plan.openSection('Agree and versions', 'Agree this version');
    await expect(plan.view.getByText('Nothing stops this plan being agreed.')).toBeVisible();
    await expect(plan.view.getByText('This plan has not been agreed yet.')).toBeVisible();
    await expect(plan.field('Agreed with')).toHaveValue(jillMarsh.fullName);
    await plan.view.getByLabel('The person', { exact: true }).check();
    await plan.view.getByLabel('Priya Nair (Social worker)').check();
    await plan.view.getByLabel('Tom Reid (Practice nurse)').check();
    await plan.view.getByRole('group', { name: 'Family and carers who also agreed' }).getByLabel('Karen Marsh (Daughter)').check();
    await plan.view.getByRole('button', { name: 'Agree this version' }).click();
    await expect(plan.view.getByText('Agreed version 1 is stored and can no longer be changed.')).toBeVisible();
    const row = plan.view.locator('[data-agreed-versions] tr[data-version="1"]');
    await expect(row).toContainText('Jill Marsh (the person), Karen Marsh (Daughter)');
    // Agreeing again with nothing changed says so and makes no version 2.
    await plan.view.getByRole('button', { name: 'Agree this version' }).click();
    await expect(plan.view.getByText('Nothing has changed since agreed version 1, so no new version was made.')).toBeVisible();
    await expect(plan.view.locator('[data-agreed-versions] tr[data-version]')).toHaveCount(1);
    await expect(row).toContainText('Priya Nair');
    await expect(row).toContainText('Tom Reid');
    await expect(row).toContainText('intact');

    // "What changed since the last agreed version" is one click away, and it is nothing yet.
    await plan.view.getByRole('button', { name: 'What changed since the last agreed version' }).click();
    await expect(plan.view.locator('[data-plan-changes]')).toContainText('Nothing has changed.');
    await plan.view.getByRole('button', { name: 'View version 1' }).click();
    await expect(plan.view.locator('[data-agreed-version="1"]')).toContainText('OT home visit to fit rails and a perching stool');

    // Export agreed version 1 in every format.
    await plan.openSection('Export');
    await plan.view.getByLabel('Which version').selectOption({ index: 1 });
    await expect(plan.view.getByLabel('Which version')).toHaveValue('1');

    const pdf = await exportAs(page, 'PDF for the person');
    expect(pdf.name).toBe('jill-marsh-care-plan-v1.pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfText = execFileSync('pdftotext', ['-', '-'], { input: pdf.bytes }).toString('utf8');
    expect(pdfText).toContain('Agreed version 1');
    expect(pdfText).toContain(jillMarsh.fullName);
    expect(pdfText.replace(/\s+/g, ' ')).toContain('Karen Marsh (Daughter)');

    const csv = await exportAs(page, 'Actions for spreadsheets (CSV)');
    expect(csv.name).toBe('jill-marsh-care-plan-v1-actions.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csv.bytes.toString('utf8');
    expect(csvText).toContain('OT home visit to fit rails and a perching stool');
    expect(csvText).toContain('Agreed version 1');

    const ics = await exportAs(page, 'Actions for calendars (ICS)');
    const icsText = ics.bytes.toString('utf8');
    expect(icsText).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(icsText.match(/BEGIN:VEVENT/g)?.length ?? 0).toBeGreaterThanOrEqual(6);

    const fhir = await exportAs(page, 'FHIR R4 for other record systems');
    const bundle = JSON.parse(fhir.bytes.toString('utf8')) as { resourceType: string; entry: Array<{ resource: { resourceType: string } }> };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual(expect.arrayContaining(['Patient', 'CarePlan', 'Goal', 'CareTeam', 'Consent', 'Task']));

    const md = await exportAs(page, 'Markdown');
    const mdText = md.bytes.toString('utf8');
    expect(mdText).toContain(jillMarsh.fullName);
    expect(mdText).toContain('Agreed version 1');

    // Consent declined: the draft is only exported with a legal basis, asked for on the panel.
    await plan.openSection('Consent and information sharing');
    await plan.field('Consent to share with the team').selectOption({ label: 'Declined' });
    await plan.openSection('Export');
    await expect(plan.view.getByLabel('Which version')).toHaveValue('draft');
    const basis = plan.view.getByRole('group', { name: 'Legal basis for sharing without consent' });
    await expect(basis).toContainText('The person declined consent to share their plan.');
    await plan.view.getByLabel('Markdown', { exact: true }).check();
    await plan.view.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(plan.view.getByRole('alert')).toContainText('Choose the legal basis');
    await basis.getByLabel('Direct care').check();
    const draft = await exportAs(page, 'Markdown');
    expect(draft.name).toBe('jill-marsh-care-plan-draft.md');
    expect(draft.bytes.toString('utf8')).toContain('DRAFT — not agreed');

    // Every export is in the plan's history.
    await plan.openSection('History of changes');
    await plan.view.getByRole('button', { name: 'Refresh history' }).click();
    for (const format of ['the PDF for the person', 'actions for spreadsheets (CSV)', 'actions for calendars (ICS)', 'FHIR R4 for other record systems', 'Markdown']) {
      await expect(plan.view.getByText(`Exported agreed version 1 as ${format}`, { exact: true })).toBeVisible();
    }
    await expect(plan.view.getByText('Exported the draft as Markdown without consent, on the legal basis of direct care')).toBeVisible();
    await expect(plan.view.getByText('Agreed a version of the plan with the person', { exact: false }).first()).toBeVisible();
  } finally {
    await host.stop();
  }
});
