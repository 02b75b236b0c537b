import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildExamplePlan } from '../../../shared/plan/examples/build-example-plan';
import { readPlanSnapshot, readPlanSnapshotFromState } from '../../../shared/plan';
import { restorePlanSnapshot } from '../../../shared/plan/restore-plan-snapshot';
import { PeerOrigin } from '../../../renderer/sync/update-origin';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';
import { settle } from './support/fake-peers';
import { connectIdentified, IdentifiedParticipant, sessionKeysFor } from './support/identified-participant';

/** The attack from the issue: one small update that empties every text and deletes every item, well shaped. */
function wipeEverything(doc: Y.Doc): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const empty = (map: Y.Map<unknown>, isCollection: boolean) => {
    for (const [key, value] of [...map.entries()]) {
      if (isCollection) map.delete(key);
      else if (value instanceof Y.Text) value.delete(0, value.length);
      else if (value instanceof Y.Map) empty(value as Y.Map<unknown>, true);
    }
  };
  for (const name of [...copy.share.keys()]) {
    if (name === 'meta') continue;
    const map = copy.getMap(name);
    const isCollection = [...map.values()].every((value) => value instanceof Y.Map && value.has('position'));
    empty(map, isCollection && map.size > 0);
  }
  // Deleting makes no new structs: against its own state vector, the update is the delete set alone.
  return Y.encodeStateAsUpdate(copy, Y.encodeStateVector(copy));
}

function letters(doc: Y.Doc): number {
  return JSON.stringify(readPlanSnapshot(doc)).replace(/[^\p{L}]/gu, '').length;
}

describe('a large removal is held, and the agreed version can be restored on every machine', () => {
  it('the wipe is held by everyone, changes no plan or store until accepted; after accepting, Restore brings every word back everywhere', async () => {
    const original = new Y.Doc();
    buildExamplePlan('jill', original, { today: '2026-11-30' });
    const agreed = readPlanSnapshot(original);
    const state = Y.encodeStateAsUpdate(original);
    const make = (name: string, peerId: string) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return new IdentifiedParticipant(doc, name, peerId, sessionKeysFor(name, 'Practice nurse'));
    };
    const priya = make('Priya Nair', 'peer-priya');
    const amina = make('Dr Amina Shah', 'peer-amina');
    const mallory = make('Mallory', 'peer-mallory');

    // Priya's store keeps every change her document accepts, as PlanPersistence does.
    const store = openTestStore(tempDataDir('removal-hold'));
    store.saveProfile(testActor);
    const planId = '6f1c2d3e-4a5b-4c6d-8e7f-901234567890';
    store.createPlan(planId, 'Jill Marsh', state, testActor);
    priya.doc.on('update', (update: Uint8Array, origin: unknown) => {
      store.appendUpdate({ planId, update, origin: origin instanceof PeerOrigin ? 'peer' : 'local', actor: testActor, sections: [] });
    });

    connectIdentified(priya, amina);
    connectIdentified(priya, mallory);
    connectIdentified(amina, mallory);
    await settle(80);
    const fullLetters = letters(priya.doc);
    expect(fullLetters).toBeGreaterThan(5000);

    // Positive control: an ordinary edit (deleting a few words) from the same peer goes straight in.
    const firstName = mallory.doc.getMap('person').get('firstName') as Y.Text;
    firstName.delete(0, 1);
    firstName.insert(0, 'J');
    await settle(60);
    expect(priya.removals.held).toEqual([]);
    expect(priya.origins.some((origin) => origin.peerName === 'Mallory')).toBe(true);

    const wipe = wipeEverything(mallory.doc);
    expect(wipe.byteLength).toBeLessThan(100);
    Y.applyUpdate(mallory.doc, wipe); // broadcast, signed by Mallory, as her copy would
    await settle(120);

    for (const holder of [priya, amina]) {
      expect(holder.removals.held).toHaveLength(1);
      expect(holder.removals.held[0]?.description).toMatch(/^Mallory’s change would remove .*3 items from Goals.* and empty “First name”, .*characters in all\)\.$/);
      expect(readPlanSnapshot(holder.doc)).toEqual(agreed);
    }
    expect(readPlanSnapshotFromState(store.loadPlan(planId).state)).toEqual(agreed);

    for (const holder of [priya, amina]) holder.acceptRemoval(holder.removals.held[0]?.key ?? '');
    await settle(80);
    expect(letters(priya.doc)).toBeLessThan(fullLetters / 5);
    expect(letters(amina.doc)).toBeLessThan(fullLetters / 5);

    // Priya restores the agreed version: one forward change, hers, synced to everyone.
    priya.origins.length = 0;
    amina.origins.length = 0;
    restorePlanSnapshot(priya.doc, agreed, { at: '2026-11-30T10:00:00.000Z', by: 'Priya Nair' });
    await settle(150);
    for (const participant of [priya, amina, mallory]) {
      expect(readPlanSnapshot(participant.doc)).toEqual(agreed);
      expect(participant.removals.held).toEqual([]);
    }
    expect(readPlanSnapshotFromState(store.loadPlan(planId).state)).toEqual(agreed);
    expect(amina.origins.some((origin) => origin.peerName === 'Priya Nair' && origin.verification?.signedBy === 'author')).toBe(true);
    store.close();
  });
});
