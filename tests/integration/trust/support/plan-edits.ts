import * as Y from 'yjs';
import { dispatchCall } from '../../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../../main/services/handler-table';

/** Calls through the one door and fails the test loudly if the call was refused. */
export async function callOk<T>(handlers: HandlerTable, name: string, input: unknown): Promise<T> {
  const result = await dispatchCall(handlers, name, input);
  if (!result.ok) throw new Error(`${name} refused: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The plan as main has it, as a live Y.Doc the test can edit like the renderer does. */
export async function loadDoc(handlers: HandlerTable, planId: string): Promise<Y.Doc> {
  const loaded = await callOk<{ state: string }>(handlers, 'loadPlan', { planId });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(loaded.state, 'base64'));
  return doc;
}

/**
 * Applies `edit` to the doc and sends the resulting Yjs update(s) through appendUpdate,
 * exactly as the renderer's persistence does.
 */
export async function editAndAppend(
  handlers: HandlerTable,
  planId: string,
  doc: Y.Doc,
  edit: (doc: Y.Doc) => void,
  origin: unknown = { kind: 'local' },
): Promise<Array<{ seq: number; sections: string[] }>> {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  try {
    doc.transact(() => edit(doc));
  } finally {
    doc.off('update', listener);
  }
  const results: Array<{ seq: number; sections: string[] }> = [];
  for (const update of updates) {
    results.push(await callOk(handlers, 'appendUpdate', { planId, update: Buffer.from(update).toString('base64'), origin }));
  }
  return results;
}

/** A Y.Text field of a section root, created by initialisePlanDoc when the plan was made. */
export function sectionText(doc: Y.Doc, section: string, field: string): Y.Text {
  const value = doc.getMap(section).get(field);
  if (!(value instanceof Y.Text)) throw new Error(`${section}.${field} is not a Y.Text in this plan`);
  return value;
}
