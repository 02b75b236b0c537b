import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { PeerUpdateGate } from '../../../shared/sync/peer-update-gate';
import {
  checkPlanDocShape,
  createItem,
  getPlanText,
  initialisePlanDoc,
  listItemIds,
  moveItem,
  personText,
  readPlanSnapshot,
  removeItem,
  updateItem,
} from '../../../shared/plan';
import { goalStatuses } from '../../../shared/plan/plan-snapshot';
import { seededRandom } from '../../support/seeded-random';

/**
 * A meeting of several laptops over a bad network: every update is sent to every other
 * peer, and the network delays, drops, duplicates and reorders messages. Each receiver
 * admits updates through the same PeerUpdateGate the app uses. Every so often two peers run
 * anti-entropy (state vector -> missing updates), as the plan-consistency check does; that,
 * too, goes over the bad network. At the end everyone must read the same plan.
 */
interface Message {
  at: number;
  seq: number;
  to: number;
  kind: 'update' | 'state-vector';
  from: number;
  payload: Uint8Array;
}

const NET = Symbol('network');
const edit = (i: number) => ({ by: `Participant ${i}`, at: '2025-03-14T10:00:00.000Z' });

function runMeeting(seed: number, peerCount: number, edits: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

  const base = new Y.Doc();
  initialisePlanDoc(base, '2025-03-14T09:00:00.000Z');
  for (const words of ['Get to lunch club', 'Walk to the shop', 'See my grandson']) createItem(base, ['goals'], { words }, edit(0));
  const start = Y.encodeStateAsUpdate(base);

  const docs = Array.from({ length: peerCount }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, start);
    return doc;
  });
  const gates = docs.map((doc) => new PeerUpdateGate(doc));
  const queue: Message[] = [];
  let now = 0;
  let seq = 0;
  let lossy = true;
  const stats = { sent: 0, dropped: 0, duplicated: 0, refused: 0, deferred: 0 };

  const send = (message: Omit<Message, 'at' | 'seq'>) => {
    stats.sent += 1;
    if (lossy && random() < 0.15) return void (stats.dropped += 1);
    const copies = lossy && random() < 0.1 ? 2 : 1;
    if (copies === 2) stats.duplicated += 1;
    for (let c = 0; c < copies; c += 1) queue.push({ ...message, at: now + (lossy ? Math.floor(random() * 40) : 0), seq: seq++ });
  };

  docs.forEach((doc, from) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === NET) return;
      docs.forEach((_, to) => to !== from && send({ to, from, kind: 'update', payload: update }));
    });
  });

  const deliver = (message: Message) => {
    const doc = docs[message.to];
    const gate = gates[message.to];
    if (!doc || !gate) return;
    if (message.kind === 'state-vector') {
      // Anti-entropy: answer a peer's state vector with everything it lacks.
      send({ to: message.from, from: message.to, kind: 'update', payload: Y.encodeStateAsUpdate(doc, message.payload) });
      return;
    }
    if (gate.admit(message.payload, NET, () => (stats.refused += 1)) === 'deferred') stats.deferred += 1;
  };

  const antiEntropy = (a: number, b: number) => {
    const da = docs[a];
    const db = docs[b];
    if (!da || !db) return;
    send({ to: b, from: a, kind: 'state-vector', payload: Y.encodeStateVector(da) });
    send({ to: a, from: b, kind: 'state-vector', payload: Y.encodeStateVector(db) });
  };

  const randomEdit = (i: number) => {
    const doc = docs[i];
    if (!doc) return;
    const goals = listItemIds(doc, ['goals']);
    const goal = pick(goals);
    const roll = random();
    const texts = [personText(doc, 'firstName'), personText(doc, 'familyName'), getPlanText(doc, ['aboutMe', 'whatMatters']), goal ? getPlanText(doc, ['goals', goal, 'words']) : undefined];
    const text = pick(texts.filter((t): t is Y.Text => t !== undefined));
    if (roll < 0.45 && text) {
      if (text.length < 800) text.insert(Math.floor(random() * (text.length + 1)), pick(['a', 'Jill ', 'é', ' lunch', '☕', 'x'])!);
    } else if (roll < 0.6 && text && text.length > 0) {
      const at = Math.floor(random() * text.length);
      text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 4)));
    } else if (roll < 0.7) {
      if (goals.length < 40) createItem(doc, ['goals'], { words: `Goal ${i}.${now}`, importance: 1 + Math.floor(random() * 10) }, edit(i), { index: Math.floor(random() * (goals.length + 1)) });
    } else if (roll < 0.8 && goal) {
      updateItem(doc, ['goals'], goal, { importance: 1 + Math.floor(random() * 10), status: pick(goalStatuses) });
    } else if (roll < 0.9 && goal) {
      moveItem(doc, ['goals'], goal, Math.floor(random() * goals.length));
    } else if (goal && goals.length > 2) {
      removeItem(doc, ['goals'], goal, edit(i));
    }
  };

  let done = 0;
  while (done < edits || queue.length > 0) {
    now += 1;
    if (done < edits && random() < 0.6) {
      randomEdit(Math.floor(random() * peerCount));
      done += 1;
    }
    if (now % 25 === 0) antiEntropy(Math.floor(random() * peerCount), Math.floor(random() * peerCount));
    queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
    while (queue.length > 0 && (queue[0]?.at ?? Infinity) <= now) {
      const message = queue.shift();
      if (message) deliver(message);
    }
    if (now > edits * 20) break;
  }
  // The meeting settles: the network behaves, and everyone does a round of anti-entropy.
  lossy = false;
  for (let round = 0; round < 2; round += 1) {
    for (let a = 0; a < peerCount; a += 1) for (let b = a + 1; b < peerCount; b += 1) antiEntropy(a, b);
    while (queue.length > 0) {
      const message = queue.shift();
      if (message) deliver(message);
    }
  }
  return { docs, stats };
}

describe('convergence of a care plan under a bad network', () => {
  for (const [seed, peers] of [
    [1, 4],
    [2, 5],
    [3, 6],
  ] as const) {
    it(`${peers} peers, seed ${seed}: delays, drops, duplicates and reordering; everyone ends with the same plan`, () => {
      const { docs, stats } = runMeeting(seed, peers, 400);
      expect(stats.dropped).toBeGreaterThan(20);
      expect(stats.duplicated).toBeGreaterThan(10);
      expect(stats.refused).toBe(0);
      expect(stats.deferred).toBeGreaterThan(0);
      const [first, ...rest] = docs.map((doc) => readPlanSnapshot(doc));
      for (const snapshot of rest) expect(snapshot).toEqual(first);
      const vectors = docs.map((doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex'));
      expect(new Set(vectors).size).toBe(1);
      for (const doc of docs) {
        expect(doc.store.pendingStructs).toBeNull();
        expect(checkPlanDocShape(doc)).toEqual([]);
      }
      expect(first?.goals.length).toBeGreaterThan(3);
    });
  }
});
