import type * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import { updateRecordSection } from '../../../shared/plan';
import { editAndAppend } from '../trust/support/plan-edits';
import { closeJillExampleStore, JILL, openJillExampleStore } from '../agreement/support/jill-example-store';

let store: CareStore;
let handlers: HandlerTable;
let doc: Y.Doc;

beforeEach(async () => {
  ({ store, handlers, doc } = await openJillExampleStore('carehouse-undrawable'));
});
afterEach(() => closeJillExampleStore({ store, doc }));

const pdfExports = () =>
  store
    .auditTrail(JILL)
    .map((event) => event.action)
    .filter((action) => action.startsWith('export-plan pdf'));

describe('exporting a PDF with a character no embedded font has, through the contract', () => {
  it('is refused with which character and where, records no export, and the other formats still work', async () => {
    // Positive control: Jill's plan exports as a PDF, and the export is recorded.
    const before = await dispatchCall(handlers, 'exportPlan', { planId: JILL, format: 'pdf' });
    expect(before.ok).toBe(true);
    expect(pdfExports()).toHaveLength(1);

    // Her family name in Tibetan script, which no font in resources/fonts covers.
    await editAndAppend(handlers, JILL, doc, (d) => updateRecordSection(d, 'person', { familyName: 'ཇིལ' }));
    const refused = await dispatchCall(handlers, 'exportPlan', { planId: JILL, format: 'pdf' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (refused.ok) return;
    expect(refused.error.message).toMatch(/^The PDF cannot draw "ཇ" \(U\+0F47\) in the header of every page; "ི" \(U\+0F72\) in the header of every page/);
    expect(refused.error.message).toContain('Nothing was written');
    expect(pdfExports()).toHaveLength(1);

    const markdown = await dispatchCall(handlers, 'exportPlan', { planId: JILL, format: 'md' });
    expect(markdown.ok).toBe(true);
  });
});
