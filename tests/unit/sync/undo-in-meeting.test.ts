import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { prepareReversal } from '../../../main/services/reversal-service';
import { getPlanText } from '../../../shared/plan';
import { buildExamplePlan } from '../../../shared/plan/examples/build-example-plan';
import { LocalActionOrigin, PeerOrigin } from '../../../renderer/sync/update-origin';
import { openTestStore, tempDataDir } from '../../support/temp-store';

const priyaActor = { name: 'Priya Nair', role: 'Social worker', organisation: 'Leeds City Council' };
import { settle } from './support/fake-peers';
import { connectIdentified, IdentifiedParticipant, sessionKeysFor } from './support/identified-participant';

const whatMatters = (doc: Y.Doc) => {
  const text = getPlanText(doc, ['aboutMe', 'whatMatters']);
  if (!text) throw new Error('no What matters to me');
  return text;
};

describe("Undo this person's changes since …, in a meeting", () => {
  it("Priya's undo of Tom's changes reaches everyone as her verified change, and Amina's later edit is kept everywhere", async () => {
    const original = new Y.Doc();
    buildExamplePlan('jill', original, { today: '2026-11-30' });
    const state = Y.encodeStateAsUpdate(original);
    const make = (name: string, peerId: string) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return new IdentifiedParticipant(doc, name, peerId, sessionKeysFor(name, 'Practice nurse'));
    };
    const priya = make('Priya Nair', 'peer-priya');
    const tom = make('Tom Reid', 'peer-tom');
    const amina = make('Dr Amina Shah', 'peer-amina');

    // Priya's store keeps every change her document accepts, attributed as PlanPersistence does.
    const store = openTestStore(tempDataDir('undo-in-meeting'), { compactionThreshold: 2 });
    store.saveProfile(priyaActor);
    const planId = '6f1c2d3e-4a5b-4c6d-8e7f-901234567891';
    store.createPlan(planId, 'Jill Marsh', state, priyaActor);
    priya.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const actor = origin instanceof PeerOrigin ? { name: origin.peerName, role: origin.peerRole, organisation: '' } : priyaActor;
      const action = origin instanceof LocalActionOrigin ? origin.action : 'edit';
      store.appendUpdate({ planId, update, origin: origin instanceof PeerOrigin ? 'peer' : 'local', actor, sections: ['aboutMe'], action });
    });
    connectIdentified(priya, tom);
    connectIdentified(priya, amina);
    connectIdentified(tom, amina);
    await settle(80);

    const since = new Date().toISOString();
    await settle(20);
    whatMatters(tom.doc).insert(0, 'Tom was here. ');
    await settle(80);
    whatMatters(amina.doc).insert(whatMatters(amina.doc).length, ' Amina later.');
    await settle(80);
    for (const participant of [priya, tom, amina]) expect(whatMatters(participant.doc).toString()).toContain('Tom was here. ');
    store.compact(planId);

    const prepared = prepareReversal(store, planId, { kind: 'since', person: 'Tom Reid', since });
    expect(prepared.update).not.toBeNull();
    amina.origins.length = 0;
    Y.applyUpdate(priya.doc, Buffer.from(prepared.update ?? '', 'base64'), new LocalActionOrigin('undo-changes', undefined, prepared.reversed));
    await settle(150);

    for (const participant of [priya, tom, amina]) {
      const words = whatMatters(participant.doc).toString();
      expect(words).not.toContain('Tom was here.');
      expect(words.endsWith(' Amina later.')).toBe(true);
    }
    expect(amina.origins.some((origin) => origin.peerName === 'Priya Nair' && origin.verification?.signedBy === 'author')).toBe(true);
    const [newest] = store.auditTrail(planId, 1);
    expect(newest).toMatchObject({ action: 'undo-changes', origin: 'local', actor: { name: priyaActor.name } });
    expect(store.deepCheck()).toEqual({ storeProblems: [], damagedPlans: [] });
    store.close();
  });
});
