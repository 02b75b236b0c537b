import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/services/create-handlers';
import type { CareStore } from '../../../main/store/care-store';
import { getPlanText } from '../../../shared/plan';
import { invite, runCli, startRelayProcess, typeInto, whatMatters, type RelayProcess } from '../../support/relay-processes';
import { openTestStore, tempDataDir } from '../../support/temp-store';

/**
 * A change from the practice server that would remove a large part of a plan is held like
 * a meeting peer's: not stored, not offered to the open plan, until the user decides.
 * Real relay process, real stores; the sender syncs with `carehouse sync`, the receiver
 * runs the app's handlers (its live sync loop).
 */
const relays: RelayProcess[] = [];
afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.kill().catch(() => undefined);
});

async function machine(name: string, role: string, relayDir: string, relayUrl: string): Promise<string> {
  const dataDir = tempDataDir(`hold-${role.toLowerCase().replace(/\W+/g, '-')}`);
  const store = openTestStore(dataDir);
  store.saveProfile({ name, role, organisation: 'Headingley Medical Centre' });
  store.close();
  const code = await invite(relayDir, name, role);
  expect((await runCli(['connect', '--data-dir', dataDir, '--relay', relayUrl, '--invite', code])).code).toBe(0);
  return dataDir;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function goalCount(store: CareStore, planId: string): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, store.loadPlan(planId).state);
  const count = doc.getMap('goals').size;
  doc.destroy();
  return count;
}

/** Removes three goals and empties What matters to me, as one local change. */
async function wipe(store: CareStore, planId: string): Promise<void> {
  const handlers = createHandlers(store, { version: 'test' });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, store.loadPlan(planId).state);
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    const goals = doc.getMap('goals');
    for (const id of [...goals.keys()].slice(0, 3)) goals.delete(id);
    const field = getPlanText(doc, ['aboutMe', 'whatMatters']);
    field?.delete(0, field.length);
  });
  await handlers.appendUpdate({ planId, update: Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64'), origin: { kind: 'local' } });
  doc.destroy();
}

async function twoMachinesWithJill() {
  const relayDir = tempDataDir('relay-hold');
  const relay = await startRelayProcess(relayDir);
  relays.push(relay);
  const sender = await machine('Grace Okafor', 'Community matron', relayDir, relay.url);
  const receiver = await machine('Sam Patel', 'Discharge coordinator', relayDir, relay.url);
  const store = openTestStore(sender);
  const examples = await createHandlers(store, { version: 'test' }).loadExamplePlans({});
  const planId = examples.find((plan) => plan.displayName.includes('Jill'))?.planId ?? '';
  store.close();
  expect((await runCli(['sync', '--data-dir', sender])).code).toBe(0);
  expect((await runCli(['sync', '--data-dir', receiver])).code).toBe(0);
  return { sender, receiver, planId };
}

describe('large removals from the practice server are held', () => {
  it('held: not stored, not offered to the open plan; refused: the plan keeps every word and the practice copy follows', async () => {
    const { sender, receiver, planId } = await twoMachinesWithJill();
    const senderStore = openTestStore(sender);
    const original = whatMatters(senderStore, planId);
    const goals = goalCount(senderStore, planId);
    expect(goals).toBeGreaterThanOrEqual(3);
    expect(original.length).toBeGreaterThan(20);
    await wipe(senderStore, planId);
    senderStore.close();
    expect((await runCli(['sync', '--data-dir', sender])).code).toBe(0);

    // The CLI holds it too, and says so.
    const cli = await runCli(['sync', '--data-dir', receiver]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('1 held');
    expect(cli.stdout).toContain('would remove 3 items from Goals and empty “What is most important to me”');

    const store = openTestStore(receiver);
    const handlers = createHandlers(store, { version: 'test' });
    await until(async () => (await handlers.listRelayHeldRemovals({ planId })).held.length === 1);
    const [held] = (await handlers.listRelayHeldRemovals({ planId })).held;
    expect(held?.description).toContain('would remove 3 items from Goals and empty “What is most important to me”');
    // Not stored, and an open plan pulling what it lacks gets nothing of it.
    expect(whatMatters(store, planId)).toBe(original);
    expect(goalCount(store, planId)).toBe(goals);
    const open = new Y.Doc();
    Y.applyUpdate(open, store.loadPlan(planId).state);
    const pulled = (await handlers.pullPlanChanges({ planId, stateVector: Buffer.from(Y.encodeStateVector(open)).toString('base64') })).update;
    if (pulled) Y.applyUpdate(open, new Uint8Array(Buffer.from(pulled, 'base64')));
    expect(getPlanText(open, ['aboutMe', 'whatMatters'])?.toString()).toBe(original);
    expect(open.getMap('goals').size).toBe(goals);
    open.destroy();

    await handlers.decideRelayHeldRemoval({ planId, accept: false });
    expect(whatMatters(store, planId)).toBe(original);
    expect(goalCount(store, planId)).toBe(goals);
    const trail = store.auditTrail(planId);
    expect(trail.some((event) => event.origin === 'local' && event.actor.name === 'Sam Patel')).toBe(true);
    // The restored plan goes up on the next round; the sender's machine follows.
    await until(async () => {
      await runCli(['sync', '--data-dir', sender]);
      const check = openTestStore(sender);
      const text = whatMatters(check, planId);
      check.close();
      return text === original;
    });
    expect((await handlers.listRelayHeldRemovals({ planId })).held).toEqual([]);
    store.close();
  });

  it('an ordinary change passes (positive control); accepting a held removal applies it', async () => {
    const { sender, receiver, planId } = await twoMachinesWithJill();
    const senderStore = openTestStore(sender);
    await typeInto(senderStore, planId, ' And seeing my grandson on Sundays.');
    senderStore.close();
    expect((await runCli(['sync', '--data-dir', sender])).code).toBe(0);
    const ordinary = await runCli(['sync', '--data-dir', receiver]);
    expect(ordinary.code).toBe(0);
    expect(ordinary.stdout).not.toContain('held');

    const again = openTestStore(sender);
    await wipe(again, planId);
    again.close();
    expect((await runCli(['sync', '--data-dir', sender])).code).toBe(0);
    const store = openTestStore(receiver);
    expect(whatMatters(store, planId)).toContain('grandson on Sundays');
    const handlers = createHandlers(store, { version: 'test' });
    await until(async () => (await handlers.listRelayHeldRemovals({ planId })).held.length === 1);
    await handlers.decideRelayHeldRemoval({ planId, accept: true });
    expect(whatMatters(store, planId)).toBe('');
    await expect((async () => handlers.decideRelayHeldRemoval({ planId, accept: true }))()).rejects.toThrow(/no held change/);
    store.close();
  });
});
