import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../../../renderer/sync/meeting/message-chunking';
import { PeerOrigin } from '../../../renderer/sync/update-origin';
import { createItem, getPlanText, initialisePlanDoc, personText, readPlanSnapshot } from '../../../shared/plan';
import { settle, until } from './support/fake-peers';
import { connectPair, GuardedParticipant } from './support/guarded-participant';

function plan(): Y.Doc {
  const doc = new Y.Doc();
  initialisePlanDoc(doc, '2025-03-14T09:00:00.000Z');
  return doc;
}

describe('a guarded meeting connection', () => {
  it('syncs both ways on connect and attributes what it applies to the peer', async () => {
    const host = new GuardedParticipant(plan(), 'Priya', 'peer-a');
    const joinerDoc = new Y.Doc();
    const joiner = new GuardedParticipant(joinerDoc, 'Tom', 'peer-b');
    personText(host.doc, 'firstName')?.insert(0, 'Jill');
    connectPair(host, joiner);
    await settle(50);
    expect(personText(joinerDoc, 'firstName')?.toString()).toBe('Jill');
    expect(joiner.origins.length).toBeGreaterThan(0);
    expect(joiner.origins.every((origin) => origin instanceof PeerOrigin && origin.peerId === 'peer-a')).toBe(true);
    // y-webrtc's own listener (which would apply with the Room as origin, unchecked) never runs.
    expect(joiner.yWebrtcListenerCalls).toBe(0);

    personText(joinerDoc, 'familyName')?.insert(0, 'Marsh');
    await settle(30);
    expect(personText(host.doc, 'familyName')?.toString()).toBe('Marsh');
    expect(readPlanSnapshot(host.doc)).toEqual(readPlanSnapshot(joinerDoc));
  });

  it('delivers a 100,000-character change split into data-channel-sized messages', async () => {
    const a = new GuardedParticipant(plan(), 'Priya', 'peer-a');
    const b = new GuardedParticipant(new Y.Doc(), 'Tom', 'peer-b');
    const [pa] = connectPair(a, b);
    await settle(50);
    // Five support plans of 20,000 characters each (their field limit), in ONE transaction:
    // one update of ~160 KB (partly multi-byte UTF-8): past the 64 KiB some browsers send whole.
    const chunk = 'Café ☕ für Jill — ünïcödé 漢字 ëü€ '.repeat(700).slice(0, 20_000);
    a.doc.transact(() => {
      for (let i = 0; i < 5; i += 1) createItem(a.doc, ['supportPlans'], { name: `Plan ${i}`, content: chunk }, { by: 'Priya', at: '2025-03-14T10:00:00.000Z' });
    });
    await settle(200);
    const received = readPlanSnapshot(b.doc).supportPlans;
    expect(received).toHaveLength(5);
    expect(received.map((item) => item.content.length)).toEqual([20_000, 20_000, 20_000, 20_000, 20_000]);
    expect(readPlanSnapshot(b.doc)).toEqual(readPlanSnapshot(a.doc));
    expect(Math.max(...pa.sentSizes)).toBeLessThanOrEqual(CHUNK_BYTES + 32);
    expect(pa.sentSizes.reduce((sum, size) => sum + size, 0)).toBeGreaterThan(150_000);
    expect(pa.sentSizes.length).toBeGreaterThan(8);
    expect(b.refused).toEqual([]);
  });

  it('refuses junk and plan-breaking changes from a peer, flags it, and keeps both copies intact', async () => {
    const good = new GuardedParticipant(plan(), 'Priya', 'peer-a');
    personText(good.doc, 'firstName')?.insert(0, 'Jill');
    const badDoc = new Y.Doc();
    const bad = new GuardedParticipant(badDoc, 'Mallory', 'peer-m');
    const [, pm] = connectPair(good, bad);
    await until(() => personText(badDoc, 'firstName')?.toString() === 'Jill');
    const before = Y.encodeStateAsUpdate(good.doc);

    pm.send(new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5])); // sync update with an unreadable payload
    pm.send(new Uint8Array([77, 1, 2])); // a message type nobody uses
    pm.send(new Uint8Array([100, 1, 3, 2, 10, 1, 9])); // a chunk that lies about its size
    badDoc.getMap('person').set('firstName', 'not a Y.Text'); // broadcast by "y-webrtc" as an update
    await until(() => good.refused.length >= 4);

    expect(good.refused.length).toBe(4);
    expect(good.refused.some((what) => what.includes('damage the plan'))).toBe(true);
    expect(Y.encodeStateAsUpdate(good.doc)).toEqual(before);
    expect(getPlanText(good.doc, ['person', 'firstName'])?.toString()).toBe('Jill');

    // The connection still works for honest changes afterwards.
    const honest = new GuardedParticipant(plan(), 'Tom', 'peer-t');
    connectPair(good, honest);
    // Synced both ways (each side initialised its own fields; the merge settles which copy wins).
    await until(() => JSON.stringify(readPlanSnapshot(honest.doc)) === JSON.stringify(readPlanSnapshot(good.doc)));
    personText(honest.doc, 'familyName')?.insert(0, 'Marsh');
    await until(() => personText(good.doc, 'familyName')?.toString() === 'Marsh');
    expect(personText(good.doc, 'familyName')?.toString()).toBe('Marsh');
  });
});
