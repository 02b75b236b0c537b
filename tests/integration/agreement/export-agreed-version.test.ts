import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import { exportFormats } from '../../../shared/export/export-formats';
import { updateRecordSection } from '../../../shared/plan';
import { storeContentHash } from '../../support/store-content';
import { openTestStore, TEST_PASSPHRASE, testActor } from '../../support/temp-store';
import { runCli } from '../trust/support/run-cli';
import { callOk, editAndAppend } from '../trust/support/plan-edits';
import { agreedWithJill, closeJillExampleStore, JILL, openJillExampleStore } from './support/jill-example-store';


interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
  bytes: number;
  versionLabel: string | null;
}

let dataDir: string;
let store: CareStore;
let handlers: HandlerTable;
let doc: Y.Doc;

beforeEach(async () => {
  ({ dataDir, store, handlers, doc } = await openJillExampleStore('carehouse-agree-export'));
});
afterEach(() => closeJillExampleStore({ store, doc }));

const text = (file: ExportedFile) => Buffer.from(file.base64, 'base64').toString('utf8');
const exportActions = () =>
  store
    .auditTrail(JILL)
    .map((event) => event.action)
    .filter((action) => action.startsWith('export-plan'));

describe('exporting through the contract', () => {
  it('says which agreed version it is, in the file and its name, for every format', async () => {
    await callOk(handlers, 'agreePlan', { planId: JILL, ...agreedWithJill });
    for (const format of exportFormats) {
      const file = await callOk<ExportedFile>(handlers, 'exportPlan', { planId: JILL, version: 1, format });
      expect(file.versionLabel).toMatch(/^Agreed version 1 \(\d{4}-\d{2}-\d{2}\)$/);
      expect(file.fileName).toMatch(/^jill-marsh-care-plan-v1/);
      expect(file.bytes).toBe(Buffer.from(file.base64, 'base64').length);
      if (format !== 'pdf') expect(text(file), format).toContain('Agreed version 1');
    }
    const draft = await callOk<ExportedFile>(handlers, 'exportPlan', { planId: JILL, format: 'md' });
    expect(draft.versionLabel).toBeNull();
    expect(draft.fileName).toContain('-draft');
    expect(text(draft)).toContain('DRAFT — not agreed');
    expect(exportActions()).toEqual(['export-plan md draft', ...exportFormats.map((format) => `export-plan ${format} v1`).reverse()]);
  });

  it('refuses a version that was never agreed', async () => {
    const before = storeContentHash(store.database);
    const result = await dispatchCall(handlers, 'exportPlan', { planId: JILL, version: 4, format: 'pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', message: 'This plan has no agreed version 4.' } });
    expect(storeContentHash(store.database)).toBe(before);
  });

  for (const status of ['declined', 'notYetAsked'] as const) {
    it(`asks for the legal basis when consent is ${status}, and records the export with it`, async () => {
      await editAndAppend(handlers, JILL, doc, (d) => updateRecordSection(d, 'consent', { status, legalBasis: null }));
      const before = storeContentHash(store.database);
      const refused = await dispatchCall(handlers, 'exportPlan', { planId: JILL, format: 'csv' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'refused', problems: [{ path: 'legalBasis' }] } });
      if (!refused.ok) expect(refused.error.message).toMatch(/legal basis for sharing without consent: direct care, or safeguarding or statutory duty/);
      expect(storeContentHash(store.database), 'a refused export records and changes nothing').toBe(before);

      const file = await callOk<ExportedFile>(handlers, 'exportPlan', { planId: JILL, format: 'csv', legalBasis: 'safeguardingOrStatutory' });
      expect(text(file)).toContain('OT home visit');
      expect(exportActions()).toEqual(['export-plan csv draft legal-basis safeguardingOrStatutory']);
      const history = await callOk<Array<{ action: string; actorName: string }>>(handlers, 'getPlanHistory', { planId: JILL });
      expect(history[0]).toMatchObject({ action: 'export-plan csv draft legal-basis safeguardingOrStatutory', actorName: testActor.name });
    });
  }

  it('refuses a recipient the person asked not to share with', async () => {
    const result = await dispatchCall(handlers, 'exportPlan', { planId: JILL, format: 'pdf', recipient: 'Her neighbour' });
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(exportActions()).toEqual([]);
  });
});

describe('carehouse export --version N', () => {
  it('exports the real agreed version and refuses one that does not exist with exit 2', async () => {
    await callOk(handlers, 'agreePlan', { planId: JILL, ...agreedWithJill });
    store.close();
    const outDir = join(dataDir, '..', `${JILL.slice(0, 8)}-out-${Date.now()}`);
    mkdirSync(outDir);
    const env = { CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE };

    const out = join(outDir, 'jill.md');
    const ok = await runCli(['export', '--data-dir', dataDir, '--plan', JILL, '--version', '1', '--format', 'md', '--out', out], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Exported Agreed version 1 \(/);
    expect(readFileSync(out, 'utf8')).toContain('Agreed version 1');
    expect(readFileSync(out, 'utf8')).not.toContain('DRAFT');

    const missing = join(outDir, 'v2.md');
    const wrong = await runCli(['export', '--data-dir', dataDir, '--plan', JILL, '--version', '2', '--format', 'md', '--out', missing], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/no agreed version 2/);
    expect(existsSync(missing)).toBe(false);

    store = openTestStore(dataDir);
    expect(store.auditTrail(JILL).map((event) => event.action)).toContain('export-plan md v1');
  });
});
