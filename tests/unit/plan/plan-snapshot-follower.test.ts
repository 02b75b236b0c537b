import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  buildExamplePlan,
  createItem,
  getPlanText,
  initialisePlanDoc,
  listItemIds,
  moveItem,
  PlanSnapshotFollower,
  readPlanSnapshot,
  removeItem,
  restoreItem,
  updateItem,
  updateRecordSection,
} from '../../../shared/plan';
import { seededRandom, testSeed } from '../../support/seeded-random';

const tom = { by: 'Tom Reid', at: '2026-11-23T10:00:00.000Z' };

function jillDoc(): Y.Doc {
  const doc = new Y.Doc();
  initialisePlanDoc(doc, '2026-11-23T09:00:00.000Z');
  buildExamplePlan('jill', doc, { today: '2026-11-23' });
  return doc;
}

describe('the plan followed incrementally', () => {
  it('re-reads only the action typed into: every other item and section keeps its identity', () => {
    const doc = jillDoc();
    const follower = new PlanSnapshotFollower(doc);
    const before = follower.current();
    const [first, second] = before.actions;
    const changes: string[][] = [];
    follower.subscribe((changed) => changes.push([...changed]));
    getPlanText(doc, ['actions', second?.id ?? '', 'what'])?.insert(0, 'Urgent: ');
    const after = follower.current();
    expect(after).toEqual(readPlanSnapshot(doc));
    expect(after.actions[1]?.what.startsWith('Urgent: ')).toBe(true);
    expect(after.actions[1]).not.toBe(second);
    expect(after.actions[0]).toBe(first);
    expect(after.goals).toBe(before.goals);
    expect(after.person).toBe(before.person);
    expect(after.aboutMe).toBe(before.aboutMe);
    expect(changes).toEqual([['actions']]);
  });

  it('equals a full re-read after every one of many random edits, moves, removals and peer merges', () => {
    const random = seededRandom(testSeed(9_001));
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
    const doc = jillDoc();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const follower = new PlanSnapshotFollower(doc);
    for (let round = 0; round < 400; round += 1) {
      const actions = listItemIds(doc, ['actions']);
      const goals = listItemIds(doc, ['goals']);
      const roll = random();
      const actionId = pick(actions) ?? '';
      if (roll < 0.3) getPlanText(doc, ['actions', actionId, 'what'])?.insert(0, 'x');
      else if (roll < 0.4) updateItem(doc, ['actions'], actionId, { status: pick(['open', 'inProgress', 'done', 'blocked'] as const) ?? 'open' });
      else if (roll < 0.5) moveItem(doc, ['actions'], actionId, Math.floor(random() * actions.length));
      else if (roll < 0.55) createItem(doc, ['actions'], { what: `New ${round}` }, tom);
      else if (roll < 0.6) removeItem(doc, ['actions'], actionId, tom);
      else if (roll < 0.65) restoreItem(doc, ['actions'], actionId);
      else if (roll < 0.7) updateItem(doc, ['actions'], actionId, { goalIds: goals.filter(() => random() < 0.5) });
      else if (roll < 0.75) getPlanText(doc, ['aboutMe', 'whatMatters'])?.insert(0, 'y');
      else if (roll < 0.8) updateRecordSection(doc, 'agreement', { reviewDate: `2027-0${1 + Math.floor(random() * 9)}-01` });
      else if (roll < 0.85) createItem(doc, ['goals', pick(goals) ?? '', 'steps'], { text: 'a step' }, tom);
      else {
        // A peer's edit arriving as one update (as in a meeting).
        const peerActions = listItemIds(peer, ['actions']);
        getPlanText(peer, ['actions', pick(peerActions) ?? '', 'notes'])?.insert(0, 'peer ');
        if (random() < 0.3) createItem(peer, ['actions'], { what: `Peer ${round}` }, tom);
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)));
        Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)));
      }
      expect(follower.current(), `round ${round}`).toEqual(readPlanSnapshot(doc));
    }
    follower.destroy();
  });

  it('stops following once destroyed (and a live control shows it was following before)', () => {
    const doc = jillDoc();
    const follower = new PlanSnapshotFollower(doc);
    getPlanText(doc, ['aboutMe', 'whatMatters'])?.insert(0, 'A');
    expect(follower.current().aboutMe.whatMatters.startsWith('A')).toBe(true);
    follower.destroy();
    getPlanText(doc, ['aboutMe', 'whatMatters'])?.insert(0, 'B');
    expect(follower.current().aboutMe.whatMatters.startsWith('B')).toBe(false);
  });
});
