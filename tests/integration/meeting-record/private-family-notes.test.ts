import type * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import { readPlanSnapshot } from '../../../shared/plan';
import { storeContentHash } from '../../support/store-content';
import { callOk, loadDoc } from '../trust/support/plan-edits';
import { closeJillExampleStore, openJillExampleStore } from '../agreement/support/jill-example-store';

/** The Okonkwo example's fixed id (main/services/demo-service.ts). */
const OKONKWO = '0e8a1f3c-5b7d-4c2e-9f10-3a6b8d2c1e03';
const SECRET = 'We think Grace needs a break on Sundays; Ada will have the children.';

let store: CareStore;
let handlers: HandlerTable;
let doc: Y.Doc;
let okonkwo: Y.Doc;
beforeEach(async () => {
  ({ store, handlers, doc } = await openJillExampleStore('carehouse-private-notes'));
  okonkwo = await loadDoc(handlers, OKONKWO);
});
afterEach(() => {
  okonkwo.destroy();
  closeJillExampleStore({ store, doc });
});

describe("the family's private notes", () => {
  it('are kept on this machine, outside the plan, its update log, its history and its exports', async () => {
    const meetingId = readPlanSnapshot(okonkwo).meetings[0]!.id;
    await callOk(handlers, 'savePrivateFamilyNotes', { planId: OKONKWO, meetingId, text: SECRET });
    expect(await callOk(handlers, 'getPrivateFamilyNotes', { planId: OKONKWO, meetingId })).toMatchObject({ text: SECRET });
    expect(Buffer.from(store.loadPlan(OKONKWO).state).toString('utf8')).not.toContain('Ada will have the children');
    expect(JSON.stringify(store.auditTrail(OKONKWO, 1000))).not.toContain('Ada will have the children');
    for (const format of ['md', 'csv', 'ics', 'fhir'] as const) {
      const file = await callOk<{ base64: string }>(handlers, 'exportPlan', { planId: OKONKWO, format });
      expect(Buffer.from(file.base64, 'base64').toString('utf8'), format).not.toContain('Ada will have the children');
    }
    const minutes = await callOk<{ base64: string }>(handlers, 'exportMinutes', { planId: OKONKWO, meetingId, format: 'md' });
    expect(Buffer.from(minutes.base64, 'base64').toString('utf8')).not.toContain('Ada will have the children');
    // Sealed at rest: not in the file in the clear.
    const row = store.database.prepare('SELECT notes_blob FROM private_family_notes').get() as { notes_blob: Buffer };
    expect(row.notes_blob.toString('latin1')).not.toContain('Ada will have');
  });

  it('are refused, changing nothing, for a meeting that is not in the plan or when too long', async () => {
    const meetingId = readPlanSnapshot(okonkwo).meetings[0]!.id;
    const before = storeContentHash(store.database);
    const unknown = await dispatchCall(handlers, 'savePrivateFamilyNotes', { planId: OKONKWO, meetingId: 'no-such-meeting', text: SECRET });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const tooLong = await dispatchCall(handlers, 'savePrivateFamilyNotes', { planId: OKONKWO, meetingId, text: 'x'.repeat(20_001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(storeContentHash(store.database)).toBe(before);
    // Positive control: a good save does change the store.
    await callOk(handlers, 'savePrivateFamilyNotes', { planId: OKONKWO, meetingId, text: SECRET });
    expect(storeContentHash(store.database)).not.toBe(before);
  });
});
