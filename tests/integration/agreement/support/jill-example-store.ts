import type * as Y from 'yjs';
import { createHandlers } from '../../../../main/services/create-handlers';
import type { HandlerTable } from '../../../../main/services/handler-table';
import type { CareStore } from '../../../../main/store/care-store';
import { openTestStore, tempDataDir, testActor } from '../../../support/temp-store';
import { callOk, loadDoc } from '../../trust/support/plan-edits';

/** Jill's example plan has this fixed id (main/services/demo-service.ts). */
export const JILL = '0e8a1f3c-5b7d-4c2e-9f10-3a6b8d2c1e01';

/** Agreed with Jill herself, with her keyworker present. */
export const agreedWithJill = {
  agreedBy: { role: 'the person', name: 'Jill Marsh' },
  professionalsPresent: [{ name: 'Priya Nair', role: 'Social worker' }],
};

export interface JillExampleStore {
  dataDir: string;
  store: CareStore;
  handlers: HandlerTable;
  /** Jill's plan as the renderer would hold it. */
  doc: Y.Doc;
}

/** A fresh data folder holding Jill's example plan, loaded through the real services. */
export async function openJillExampleStore(label: string): Promise<JillExampleStore> {
  const dataDir = tempDataDir(label);
  const store = openTestStore(dataDir);
  const handlers = createHandlers(store, { version: 'test' });
  store.saveProfile(testActor);
  await callOk(handlers, 'loadExamplePlans', {});
  return { dataDir, store, handlers, doc: await loadDoc(handlers, JILL) };
}

export function closeJillExampleStore(opened: Pick<JillExampleStore, 'store' | 'doc'>): void {
  opened.doc.destroy();
  opened.store.close();
}
