import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPdfModel, buildUnwellSheetModel } from '../../../shared/export/pdf-model';
import { isLive, type CarePlanSnapshot } from '../../../shared/plan/plan-snapshot';
import { exportPlan } from '../../../main/export/export-plan';
import { renderPdf } from '../../../main/export/render-pdf';
import { agreedContext, draftContext } from './export-contexts';
import { exampleJillPlan } from './fixtures/example-jill';
import { jillPlan } from './fixtures/jill-plan';

/** Text is checked with Debian's poppler-utils: an independent PDF reader, not pdfkit. */
const dir = mkdtempSync(join(tmpdir(), 'carehouse-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function save(bytes: Uint8Array): string {
  const path = join(dir, `plan-${++counter}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/**
 * How far down its content area a page is filled (0 to 1), from the lowest word poppler
 * finds on it, leaving out the running header and footer.
 */
function fullness(path: string, page: number): number {
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
  const bottoms = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)]
    .map((match) => ({ top: Number(match[1]), bottom: Number(match[2]) }))
    .filter((word) => word.top > 60 && word.bottom < 841.89 - 60);
  const lowest = Math.max(64, ...bottoms.map((word) => word.bottom));
  return (lowest - 64) / (841.89 - 128);
}

/** Text of one page (or all), with runs of white space made single spaces. */
function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function ownersOf(plan: CarePlanSnapshot): string[] {
  return plan.actions.filter(isLive).flatMap((action) => {
    if (action.owner?.kind !== 'careTeam') return action.owner?.kind === 'personalContact' ? [plan.personalContacts.find((c) => c.id === (action.owner as { contactId: string }).contactId)!.name] : [];
    const id = action.owner.contactId;
    return [plan.professionalContacts.find((contact) => contact.id === id)!.name];
  });
}

describe("the person's PDF of Jill's plan", () => {
  it('is real text: her name, every goal, every action owner and the version, on every page', async () => {
    const plan = exampleJillPlan();
    const file = await exportPlan(plan, 'pdf', agreedContext);
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe('jill-marsh-care-plan-v1.pdf');
    const path = save(file.bytes);
    const text = pdfText(path);
    expect(text).toContain('Jill Marsh');
    for (const goal of plan.goals.filter(isLive)) expect(text).toContain(goal.words);
    const owners = ownersOf(plan);
    expect(owners.length).toBeGreaterThan(3);
    for (const owner of owners) expect(text).toContain(owner);
    expect(text).toContain('My keyworker Priya Nair');
    const pages = pageCount(path);
    for (let page = 1; page <= pages; page++) expect(pdfText(path, page)).toContain('Agreed version 1 (2026-11-23)');
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Care and support plan — Jill Marsh$/m);
    expect(info).toMatch(/^Page size:\s+595.28 x 841.89 pts \(A4\)$/m);
  });

  it('says DRAFT — not agreed on every page of a draft', async () => {
    const path = save(await renderPdf(buildPdfModel(exampleJillPlan(), draftContext)));
    const pages = pageCount(path);
    expect(pages).toBeGreaterThan(3);
    for (let page = 1; page <= pages; page++) expect(pdfText(path, page)).toContain('DRAFT — not agreed');
  });

  it('has the house picture with each part and how complete it is', async () => {
    const path = save(await renderPdf(buildPdfModel(exampleJillPlan(), agreedContext)));
    const cover = pdfText(path, 1);
    for (const part of ['Roof', 'Left wall', 'Centre', 'Right wall', 'Foundation']) expect(cover).toContain(part);
    expect(cover).toMatch(/\d+% filled in/);
  });

  it('ends with the "If I\'m unwell" sheet on exactly one page', async () => {
    const path = save(await renderPdf(buildPdfModel(exampleJillPlan(), agreedContext)));
    const pages = pageCount(path);
    const last = pdfText(path, pages);
    expect(last).toContain("If I'm unwell");
    expect(last).toContain('More breathless than usual');
    expect(last).toContain('Kitchen drawer');
    expect(pdfText(path, pages - 1)).not.toContain("If I'm unwell");
    const alone = save(await renderPdf(buildUnwellSheetModel(exampleJillPlan(), agreedContext)));
    expect(pageCount(alone)).toBe(1);
    expect(pdfText(alone, 1)).toContain('Agreed version 1 (2026-11-23)');
  });

  it('shrinks an overlong contingency sheet to one page rather than spill onto a second', async () => {
    const plan = jillPlan();
    const contingency = plan.contingencyPlans[0]!;
    plan.contingencyPlans[0] = {
      ...contingency,
      triggers: Array.from({ length: 18 }, (_, index) => ({ ...contingency.triggers[0]!, id: `t-${index}`, text: `Warning sign number ${index + 1}: getting more breathless than usual when walking to the kitchen` })),
      whatShouldHappen: 'Start the rescue pack and ring the practice. '.repeat(12),
      copingStrategies: 'Sit upright, breathe slowly through pursed lips, use the hand-held fan, and ask Karen to come over. '.repeat(4),
    };
    const alone = save(await renderPdf(buildUnwellSheetModel(plan, agreedContext)));
    expect(pageCount(alone)).toBe(1);
    const text = pdfText(alone, 1);
    expect(text).toContain('Warning sign number 1:');
    expect(text).toContain('What to do');
    expect(text).toContain('Agreed version 1 (2026-11-23)');

    const huge = structuredClone(plan);
    huge.contingencyPlans[0]!.whatShouldHappen = 'Ring the practice straight away and start the rescue pack. '.repeat(120);
    const squeezed = save(await renderPdf(buildUnwellSheetModel(huge, agreedContext)));
    expect(pageCount(squeezed)).toBe(1);
    expect(pdfText(squeezed, 1)).toContain('(see the full plan)');
  });

  it('prints names exactly as written, every letter kept (no plain-Latin stand-ins)', async () => {
    const plan = jillPlan();
    plan.person.familyName = 'Kowalczyk-Łęcka';
    const path = save(await renderPdf(buildPdfModel(plan, agreedContext)));
    expect(pdfText(path, 1)).toContain('Jill Kowalczyk-Łęcka');
  });

  it("has a cover a person would keep: name, date of birth, NHS number, keyworker, review date and version", async () => {
    const plan = exampleJillPlan();
    const path = save(await renderPdf(buildPdfModel(plan, agreedContext)));
    const cover = pdfText(path, 1);
    expect(plan.person.nhsNumber.trim()).not.toBe('');
    expect(cover).toContain(`NHS number ${plan.person.nhsNumber.trim()}`);
    expect(cover).toMatch(/Date of birth \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(cover).toContain('My keyworker Priya Nair');
    expect(cover).toMatch(/Next review \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(cover).toContain('Agreed version 1 (2026-11-23)');
    const draftCover = pdfText(save(await renderPdf(buildPdfModel(plan, draftContext))), 1);
    expect(draftCover).toContain('DRAFT — not agreed');
    // A draft never says who it was agreed with.
    expect(draftCover).not.toContain('Agreed with');
  });

  it('flows with no page less than a quarter full except the last, and no internal id anywhere', async () => {
    const plan = exampleJillPlan();
    const path = save(await renderPdf(buildPdfModel(plan, agreedContext)));
    const pages = pageCount(path);
    expect(pages).toBeLessThanOrEqual(7);
    for (let page = 1; page < pages; page++) expect(fullness(path, page), `page ${page}`).toBeGreaterThanOrEqual(0.25);
    // Positive control for the measure: the last sheet ("If I'm unwell") is measured the same way.
    expect(fullness(path, pages)).toBeGreaterThan(0);
    const text = pdfText(path);
    expect(text).not.toContain(agreedContext.planId);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    for (let page = 1; page <= pages; page++) expect(pdfText(path, page)).toContain(`Agreed version 1 (2026-11-23) — page ${page} of ${pages}`);
  });

  it('names people as themselves, and includes the GP and the services', async () => {
    const plan = jillPlan();
    plan.actions[0] = { ...plan.actions[0]!, owner: { kind: 'person' } };
    const text = pdfText(save(await renderPdf(buildPdfModel(plan, agreedContext))));
    expect(text).toContain('Who Jill Marsh By when');
    expect(text).not.toContain('The person');
    expect(text).toContain('My GP Dr Amina Shah, Headingley Medical Centre');
    expect(text).toContain('Services and support');
    for (const service of plan.services.filter(isLive).filter((s) => s.status !== 'ended' && s.status !== 'declined')) expect(text).toContain(service.name);
  });
});
