import type * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import { closeJillExampleStore, JILL, openJillExampleStore } from '../agreement/support/jill-example-store';

let store: CareStore;
let handlers: HandlerTable;
let doc: Y.Doc;

beforeEach(async () => {
  ({ store, handlers, doc } = await openJillExampleStore('carehouse-calendar-todos'));
});
afterEach(() => closeJillExampleStore({ store, doc }));

const calendarText = (result: Awaited<ReturnType<typeof dispatchCall>>): string => {
  if (!result.ok) throw new Error(result.error.message);
  return Buffer.from((result.value as { base64: string }).base64, 'base64').toString('utf8');
};

describe('calendar to-dos through the contract', () => {
  it('are only written when asked for, beside the events', async () => {
    const events = calendarText(await dispatchCall(handlers, 'exportPlan', { planId: JILL, format: 'ics' }));
    expect(events).toContain('BEGIN:VEVENT');
    expect(events).not.toContain('BEGIN:VTODO');
    const withTodos = calendarText(await dispatchCall(handlers, 'exportPlan', { planId: JILL, format: 'ics', calendarTodos: true }));
    expect(withTodos.match(/BEGIN:VTODO/g)?.length).toBe(5);
    expect(withTodos.match(/BEGIN:VEVENT/g)?.length).toBe(events.match(/BEGIN:VEVENT/g)?.length);
  });

  it('are refused for any other format, with nothing recorded', async () => {
    const before = store.auditTrail(JILL).length;
    const refused = await dispatchCall(handlers, 'exportPlan', { planId: JILL, format: 'csv', calendarTodos: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', problems: [{ path: 'calendarTodos' }] } });
    expect(store.auditTrail(JILL)).toHaveLength(before);
  });
});
