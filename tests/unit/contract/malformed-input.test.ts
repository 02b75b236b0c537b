import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, careContract, limits } from '../../../shared/contract';
import { createHandlers } from '../../../main/services/create-handlers';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import { storeContentHash } from '../../support/store-content';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';

let store: CareStore;
let handlers: HandlerTable;
let planId: string;

beforeAll(async () => {
  store = openTestStore(tempDataDir());
  handlers = createHandlers(store, { version: 'test' });
  store.saveProfile(testActor);
  const created = await dispatchCall(handlers, 'createPlan', { displayName: 'Jill Marsh' });
  if (!created.ok) throw new Error(created.error.message);
  planId = (created.value as { id: string }).id;
});
afterAll(() => store.close());

const huge = 'x'.repeat(limits.updateBase64Chars + 16);

/** Inputs that are wrong for every call: wrong types, extra fields, oversized payloads. */
function malformedInputsFor(name: (typeof callNames)[number]): Array<[string, unknown]> {
  const cases: Array<[string, unknown]> = [
    ['null', null],
    ['a number', 42],
    ['a string', 'plan'],
    ['an array', [planId]],
    ['an unexpected field', { planId, sneaky: true }],
    ['an oversized payload', { planId, update: huge, displayName: huge, name: huge, passphrase: huge, includeArchived: huge }],
    ['wrong field types', { planId: 12, displayName: false, update: 7, archived: 'yes', name: [], role: {}, includeArchived: 'no' }],
  ];
  if (!careContract[name].input.safeParse({}).success) cases.push(['missing fields', {}]);
  return cases;
}

describe('every contract call refuses malformed input with a typed error and changes nothing', () => {
  for (const name of callNames) {
    it(name, async () => {
      for (const [label, input] of malformedInputsFor(name)) {
        const before = storeContentHash(store.database);
        const result = await dispatchCall(handlers, name, input);
        expect(result.ok, `${name} with ${label}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code, `${name} with ${label}`).toBe('invalid-input');
          expect(result.error.message.length).toBeGreaterThan(0);
        }
        expect(storeContentHash(store.database), `${name} with ${label} changed the store`).toBe(before);
      }
    });
  }

  it('refuses unknown and inherited call names', async () => {
    for (const name of ['deleteEverything', '__proto__', 'constructor', 'toString', 42, null]) {
      const result = await dispatchCall(handlers, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
  });

  it('refuses a well-formed update that is not a Yjs update, leaving the plan as it was', async () => {
    const before = storeContentHash(store.database);
    const junk = Buffer.from('definitely not a yjs update, just some bytes '.repeat(5)).toString('base64');
    const result = await dispatchCall(handlers, 'appendUpdate', { planId, update: junk });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(storeContentHash(store.database)).toBe(before);
  });

  it('answers not-found for a plan that does not exist, without creating it', async () => {
    const before = storeContentHash(store.database);
    const result = await dispatchCall(handlers, 'loadPlan', { planId: randomUUID() });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(storeContentHash(store.database)).toBe(before);
  });
});
