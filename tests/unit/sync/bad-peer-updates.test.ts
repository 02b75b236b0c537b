import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { PeerUpdateGate } from '../../../shared/sync/peer-update-gate';
import { createItem, initialisePlanDoc, personText, readPlanSnapshot } from '../../../shared/plan';
import { forkDoc } from '../plan/fixtures/sync-docs';
import { seededRandom } from '../../support/seeded-random';

const tom = { by: 'Tom Reid', at: '2025-03-14T10:00:00.000Z' };

function jillsPlan(): Y.Doc {
  const doc = new Y.Doc();
  initialisePlanDoc(doc, '2025-03-14T09:00:00.000Z');
  personText(doc, 'firstName')?.insert(0, 'Jill');
  createItem(doc, ['goals'], { words: 'Get to lunch club' }, tom);
  return doc;
}

/** A real update from a peer: one goal added on a copy of the plan. */
function realUpdate(doc: Y.Doc): Uint8Array {
  const peer = forkDoc(doc);
  const before = Y.encodeStateVector(peer);
  createItem(peer, ['goals'], { words: 'See my grandson' }, tom);
  return Y.encodeStateAsUpdate(peer, before);
}

describe('a peer update is checked on a mirror before it touches the live plan', () => {
  it('refuses a corrupted update whole: the document is byte-identical afterwards', () => {
    const live = jillsPlan();
    const gate = new PeerUpdateGate(live);
    const good = realUpdate(live);
    const random = seededRandom(4242);
    let refused = 0;
    for (let round = 0; round < 120; round += 1) {
      const corrupted = new Uint8Array(good);
      // Flip a few bytes, or truncate: both kinds of damage a faulty peer could send.
      if (round % 3 === 0) {
        const cut = corrupted.subarray(0, Math.floor(random() * corrupted.byteLength));
        corrupted.set(cut);
      }
      for (let flips = 1 + Math.floor(random() * 4); flips > 0; flips -= 1) {
        const at = Math.floor(random() * corrupted.byteLength);
        corrupted[at] = Math.floor(random() * 256);
      }
      const payload = round % 3 === 0 ? corrupted.subarray(0, Math.max(1, Math.floor(random() * corrupted.byteLength))) : corrupted;
      const before = Y.encodeStateAsUpdate(live);
      const verdict = gate.check(payload);
      if (verdict.ok) {
        // Some flips land in harmless places (a client clock, a character): the gate lets a
        // still-valid plan through, and applying it must keep the plan well shaped.
        Y.applyUpdate(live, payload);
      } else {
        refused += 1;
        expect(Y.encodeStateAsUpdate(live)).toEqual(before);
      }
    }
    expect(refused).toBeGreaterThan(40);
    gate.dispose();
  });

  it('refuses an update that breaks the plan shape, and still accepts the next good one', () => {
    const live = jillsPlan();
    const gate = new PeerUpdateGate(live);
    const before = Y.encodeStateAsUpdate(live);

    // A hostile peer replaces the person's first name (a Y.Text) with a number, adds a root
    // the plan does not have, and makes a section into a list.
    const hostile = forkDoc(live);
    const sv = Y.encodeStateVector(hostile);
    hostile.transact(() => {
      hostile.getMap('person').set('firstName', 42);
      hostile.getMap('evil').set('x', 1);
    });
    const breaking = Y.encodeStateAsUpdate(hostile, sv);
    const verdict = gate.check(breaking);
    expect(verdict).toMatchObject({ ok: false, reason: 'breaks-plan' });
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);

    const junkRoot = new Y.Doc();
    junkRoot.getArray('aboutMe').insert(0, ['list where a map belongs']);
    expect(gate.check(Y.encodeStateAsUpdate(junkRoot)).ok).toBe(false);
    expect(gate.check(new Uint8Array([0, 1, 2, 3, 250, 250, 250])).ok).toBe(false);
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);

    const good = realUpdate(live);
    expect(gate.check(good)).toMatchObject({ ok: true, sections: ['goals'] });
    Y.applyUpdate(live, good);
    expect(readPlanSnapshot(live).goals.map((goal) => goal.words)).toEqual(['Get to lunch club', 'See my grandson']);
    gate.dispose();
  });

  it('judges only problems the update introduces, and follows local edits', () => {
    const live = jillsPlan();
    const gate = new PeerUpdateGate(live);
    // Local typing after the mirror exists must be mirrored, or the next peer update
    // (which may depend on it) would be judged against stale content.
    expect(gate.check(realUpdate(live)).ok).toBe(true);
    personText(live, 'familyName')?.insert(0, 'Marsh');
    const peer = forkDoc(live);
    const sv = Y.encodeStateVector(peer);
    personText(peer, 'familyName')?.insert(5, '-Smith');
    const update = Y.encodeStateAsUpdate(peer, sv);
    expect(gate.check(update).ok).toBe(true);
    Y.applyUpdate(live, update);
    expect(personText(live, 'familyName')?.toString()).toBe('Marsh-Smith');
    gate.dispose();
  });
});

describe('the mirror follows the live plan exactly', () => {
  it('follows a change an observer makes while an admitted update is being applied', () => {
    const live = jillsPlan();
    const gate = new PeerUpdateGate(live);
    // Something on this laptop reacts to a peer's goal by writing to the plan (as a migration might).
    live.getMap('goals').observe((event) => {
      if (event.transaction.origin === 'peer' && personText(live, 'preferredName')?.length === 0) personText(live, 'preferredName')?.insert(0, 'Jilly');
    });
    expect(gate.admit(realUpdate(live), 'peer', () => undefined)).toBe('applied');
    expect(personText(live, 'preferredName')?.toString()).toBe('Jilly');
    // A peer's next edit builds on that reaction: judged on a mirror that has it, it fits.
    const peer = forkDoc(live);
    const before = Y.encodeStateVector(peer);
    personText(peer, 'preferredName')?.insert(5, ' M');
    expect(gate.check(Y.encodeStateAsUpdate(peer, before))).toMatchObject({ ok: true, sections: ['person'] });
    expect(gate.admit(Y.encodeStateAsUpdate(peer, before), 'peer', () => undefined)).toBe('applied');
    expect(personText(live, 'preferredName')?.toString()).toBe('Jilly M');
    gate.dispose();
  });
});
