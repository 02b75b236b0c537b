import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import type { AgreedVersionSummary } from '../../../shared/contract';
import { exportFormats } from '../../../shared/export/export-formats';
import { readPlanSnapshot, removeItem, updateRecordSection } from '../../../shared/plan';
import { storeContentHash } from '../../support/store-content';
import { callOk, editAndAppend } from '../trust/support/plan-edits';
import { agreedWithJill, closeJillExampleStore, JILL, openJillExampleStore } from './support/jill-example-store';

const pdfDir = mkdtempSync(join(tmpdir(), 'carehouse-truth-'));
afterAll(() => rmSync(pdfDir, { recursive: true, force: true }));

let store: CareStore;
let handlers: HandlerTable;
let doc: Y.Doc;
beforeEach(async () => {
  ({ store, handlers, doc } = await openJillExampleStore('carehouse-truth'));
});
afterEach(() => closeJillExampleStore({ store, doc }));

type Agreed = AgreedVersionSummary & { created: boolean };
const agree = (extra: Record<string, unknown> = {}) => callOk<Agreed>(handlers, 'agreePlan', { planId: JILL, ...agreedWithJill, ...extra });

/** The export's text as a reader sees it: pdftotext (poppler, not pdfkit) for the PDF. */
async function exportedText(format: string, version?: number): Promise<string> {
  const file = await callOk<{ base64: string }>(handlers, 'exportPlan', { planId: JILL, format, ...(version ? { version } : {}) });
  const bytes = Buffer.from(file.base64, 'base64');
  if (format !== 'pdf') return bytes.toString('utf8');
  const path = join(pdfDir, `${format}-${version ?? 'draft'}-${Date.now()}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('agreement tells the truth', () => {
  it('a draft names nobody as having agreed it, in any export, even though its hand-edited fields name Jill', async () => {
    // The example's hand-edited agreement fields claim an agreement that never happened.
    expect(readPlanSnapshot(doc).agreement).toMatchObject({ agreedWithName: 'Jill Marsh' });
    expect(readPlanSnapshot(doc).agreement.agreedOn).not.toBeNull();
    for (const format of exportFormats) {
      const text = await exportedText(format);
      expect(text, `${format} names the draft`).toMatch(/DRAFT/);
      expect(text.toLowerCase(), `${format} of a draft`).not.toContain('agreed with');
    }
    // Positive control: once really agreed (with Jill and her daughter), the exports say so.
    const agreed = await agree({ othersAgreed: [{ name: 'Karen Marsh', relationship: 'daughter' }] });
    expect(agreed).toMatchObject({ version: 1, created: true, othersAgreed: [{ name: 'Karen Marsh', relationship: 'daughter' }] });
    for (const format of ['pdf', 'md', 'fhir'] as const) {
      const text = await exportedText(format, 1);
      expect(text, format).toMatch(/Agreed with:?\*?\*? ?Jill Marsh \(the person\), Karen Marsh \(daughter\)/);
    }
  });

  it('agreeing a plan identical to the last agreed version says so and stores nothing', async () => {
    const first = await agree();
    expect(first).toMatchObject({ version: 1, created: true });
    const before = storeContentHash(store.database);
    const again = await agree({ agreedBy: { role: 'the person', name: 'Jill Marsh' } });
    expect(again).toMatchObject({ version: 1, created: false, contentHash: first.contentHash });
    expect(storeContentHash(store.database), 'nothing written').toBe(before);
    expect((await callOk<AgreedVersionSummary[]>(handlers, 'listAgreedVersions', { planId: JILL })).map((v) => v.version)).toEqual([1]);
    // Positive control: one real change and the next agreement is version 2.
    await editAndAppend(handlers, JILL, doc, (d) => updateRecordSection(d, 'agreement', { fundingSource: 'NHS continuing healthcare' }));
    expect(await agree()).toMatchObject({ version: 2, created: true });
  });

  it('advisory gaps (no goals, no contingency plan, consent not asked) need a reason, which is recorded', async () => {
    const plan = readPlanSnapshot(doc);
    const by = { by: 'Priya Nair', at: '2026-11-23T10:00:00.000Z' };
    await editAndAppend(handlers, JILL, doc, (d) => {
      for (const goal of plan.goals) removeItem(d, ['goals'], goal.id, by);
      for (const contingency of plan.contingencyPlans) removeItem(d, ['contingencyPlans'], contingency.id, by);
      updateRecordSection(d, 'consent', { status: 'notYetAsked' });
    });
    const before = storeContentHash(store.database);
    const refused = await dispatchCall(handlers, 'agreePlan', { planId: JILL, ...agreedWithJill });
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.error.code).toBe('refused');
    expect(refused.error.problems?.map((problem) => problem.message)).toEqual([
      'The plan has no goals',
      "The plan has no contingency (\"if I'm unwell\") plan",
      'Nobody has asked the person whether their plan may be shared',
    ]);
    expect(storeContentHash(store.database), 'a refused agreement changes nothing').toBe(before);
    const agreed = await agree({ reasonForGoingAhead: 'Jill wants the team to start now; goals at the review in a month.' });
    expect(agreed).toMatchObject({ version: 1, created: true });
    expect(agreed.goingAhead).toEqual({
      despite: expect.arrayContaining(['The plan has no goals']),
      reason: 'Jill wants the team to start now; goals at the review in a month.',
    });
    const listed = await callOk<AgreedVersionSummary[]>(handlers, 'listAgreedVersions', { planId: JILL });
    expect(listed[0]?.goingAhead?.reason).toMatch(/start now/);
  });
});
