import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/services/create-handlers';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import { buildExamplePlan, checkPlanDocShape, readPlanSnapshot } from '../../../shared/plan';
import { dependenciesPresent } from '../../../shared/sync/dependencies-present';
import { PeerUpdateGate } from '../../../shared/sync/peer-update-gate';
import { storeContentHash } from '../../support/store-content';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';
import { testSeed } from '../../support/seeded-random';
import { seededCorruptions } from './support/seeded-corruptions';

type Outcome = 'ok' | 'unreadable' | 'cannot-apply' | 'breaks-plan' | 'incomplete';

const describeProblem = (problem: { path: readonly (string | number)[]; message: string }) => `${problem.path.join('/')}: ${problem.message}`;

/**
 * What the two gates did before they became one (the renderer's PeerUpdateGate and main's
 * PlanDocCache.probe): apply the update to a CLONE of the whole plan and compare the whole
 * plan's shape problems before and after. Slow, and obviously right: the oracle.
 */
function wholePlanVerdict(live: Y.Doc, update: Uint8Array): Outcome {
  let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return 'unreadable';
  }
  if (!dependenciesPresent(structs, live)) return 'incomplete';
  const clone = new Y.Doc();
  Y.applyUpdate(clone, Y.encodeStateAsUpdate(live));
  try {
    Y.applyUpdate(clone, update);
  } catch {
    return 'cannot-apply';
  }
  const known = new Set(checkPlanDocShape(live).map(describeProblem));
  const introduced = checkPlanDocShape(clone).filter((problem) => !known.has(describeProblem(problem)));
  clone.destroy();
  return introduced.length > 0 ? 'breaks-plan' : 'ok';
}

let store: CareStore;
let handlers: HandlerTable;
let planId: string;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatchCall(handlers, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  store = openTestStore(tempDataDir('carehouse-gate-corpus'));
  handlers = createHandlers(store, { version: 'test' });
  await call('saveProfile', testActor);
  planId = (await call<{ id: string }>('createPlan', { displayName: 'Jill Marsh' })).id;
});
afterAll(() => store.close());

describe('one gate for renderer and main, judged on a corpus of seeded corruptions', () => {
  it('refuses exactly what the whole-plan check refuses, in the renderer and in main, and a refusal changes nothing', async () => {
    // The renderer's live doc and main's stored plan start equal: Jill's example plan.
    const live = new Y.Doc();
    Y.applyUpdate(live, Buffer.from((await call<{ state: string }>('loadPlan', { planId })).state, 'base64'));
    const before = Y.encodeStateVector(live);
    buildExamplePlan('jill', live, { today: '2025-03-14' });
    await call('appendUpdate', { planId, update: Buffer.from(Y.encodeStateAsUpdate(live, before)).toString('base64'), origin: { kind: 'local' } });

    const gate = new PeerUpdateGate(live);
    const corpus = seededCorruptions(live, testSeed(14_014));
    const tally = new Map<Outcome, number>();
    for (const { label, update } of corpus) {
      const expected = wholePlanVerdict(live, update);
      tally.set(expected, (tally.get(expected) ?? 0) + 1);

      // Renderer: the same verdict, reason for reason.
      const liveBefore = Y.encodeStateAsUpdate(live);
      const verdict = gate.check(update);
      expect(verdict.ok ? 'ok' : verdict.reason, label).toBe(expected);
      if (!verdict.ok) expect(Y.encodeStateAsUpdate(live), label).toEqual(liveBefore);

      // Main: stores exactly the updates the oracle accepts; anything else is refused
      // (an update building on changes main does not have included) and the store is untouched.
      const storeBefore = storeContentHash(store.database);
      const stored = await dispatchCall(handlers, 'appendUpdate', { planId, update: Buffer.from(update).toString('base64'), origin: { kind: 'local' } });
      expect(stored.ok, label).toBe(expected === 'ok');
      if (!stored.ok) {
        expect(stored.error.code, label).toBe('invalid-input');
        expect(storeContentHash(store.database), label).toBe(storeBefore);
      }
      if (verdict.ok) gate.apply(update, 'corpus');
    }

    // Positive controls: the corpus exercises every outcome, so agreement is not vacuous.
    expect(tally.get('ok') ?? 0).toBeGreaterThan(10);
    expect(tally.get('breaks-plan') ?? 0).toBeGreaterThan(15);
    expect((tally.get('unreadable') ?? 0) + (tally.get('cannot-apply') ?? 0)).toBeGreaterThan(20);
    expect(tally.get('incomplete') ?? 0).toBeGreaterThanOrEqual(4);

    // Main's plan and the renderer's live doc ended equal: every accepted update reached both.
    const mainState = Buffer.from((await call<{ state: string }>('loadPlan', { planId })).state, 'base64');
    const mainDoc = new Y.Doc();
    Y.applyUpdate(mainDoc, mainState);
    expect(readPlanSnapshot(mainDoc)).toEqual(readPlanSnapshot(live));
    gate.dispose();
  });
});
