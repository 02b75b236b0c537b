import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildExamplePlan, checkPlanDocShape, createItem, initialisePlanDoc, readPlanSnapshot } from '../../../shared/plan';
import { forkDoc } from './fixtures/sync-docs';

const tom = { by: 'Tom', at: '2025-01-01T10:00:00.000Z' };

function plan(): Y.Doc {
  const doc = new Y.Doc();
  buildExamplePlan('jill', doc, { today: '2026-03-10' });
  return doc;
}

/** A peer's document after a hostile edit, as main would see it: a copy with the update applied. */
function receive(edit: (peer: Y.Doc) => void): Y.Doc {
  const mine = plan();
  const peer = forkDoc(mine);
  const before = Y.encodeStateVector(peer);
  edit(peer);
  const update = Y.encodeStateAsUpdate(peer, before);
  const probe = forkDoc(mine);
  Y.applyUpdate(probe, update);
  return probe;
}

describe('checking the shape of a document from a peer or an import', () => {
  it('accepts a good plan, a fresh one, and one received over the wire', () => {
    expect(checkPlanDocShape(plan())).toEqual([]);
    const fresh = new Y.Doc();
    initialisePlanDoc(fresh, '2025-01-01T00:00:00.000Z');
    expect(checkPlanDocShape(fresh)).toEqual([]);
    expect(checkPlanDocShape(forkDoc(plan()))).toEqual([]);
  });

  it('rejects an unknown root section', () => {
    const probe = receive((peer) => peer.getMap('bitcoin').set('x', 1));
    expect(checkPlanDocShape(probe)).toEqual([{ path: ['bitcoin'], message: '"bitcoin" is not part of a care plan', blocking: true }]);
  });

  it('rejects a section root written as a list', () => {
    const peer = new Y.Doc();
    initialisePlanDoc(peer, '2025-01-01T00:00:00.000Z');
    const hostile = new Y.Doc();
    hostile.getArray('goals').push(['not an item']);
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(hostile));
    expect(checkPlanDocShape(peer).map((problem) => problem.message)).toContain('goals holds a list where the plan keeps named fields');
  });

  it('rejects a text field replaced by a plain string', () => {
    const probe = receive((peer) => peer.getMap('person').set('firstName', 'Mallory'));
    expect(checkPlanDocShape(probe)).toEqual([{ path: ['person', 'firstName'], message: 'First name has a value of the wrong kind', blocking: true }]);
  });

  it('rejects malformed items: missing fields, unknown fields, bad values', () => {
    const probe = receive((peer) => {
      const goals = peer.getMap('goals');
      const bad = new Y.Map<unknown>();
      goals.set('evil-goal', bad);
      bad.set('words', 'plain string');
      bad.set('position', 'i');
      bad.set('createdAt', '2025');
      bad.set('createdBy', 'x');
      bad.set('removedAt', null);
      bad.set('removedBy', null);
      bad.set('payload', 'x'.repeat(10));
      const action = createItem(peer, ['actions'], { what: 'ok' }, tom);
      (peer.getMap('actions').get(action) as Y.Map<unknown>).set('owner', { kind: 'boss' });
      (peer.getMap('actions').get(action) as Y.Map<unknown>).set('status', 'whatever');
    });
    const problems = checkPlanDocShape(probe).map((problem) => `${problem.path.join('.')}: ${problem.message}`);
    expect(problems).toContain('goals.evil-goal.payload: Unknown field "payload"');
    expect(problems).toContain('goals.evil-goal.words: Goal, in my words has a value of the wrong kind');
    expect(problems).toContain('goals.evil-goal.steps: Smaller steps is missing');
    expect(problems.some((line) => line.endsWith('Who will do it has a value of the wrong kind'))).toBe(true);
    expect(problems.some((line) => line.endsWith('Status has a value of the wrong kind'))).toBe(true);
    // The snapshot still reads, leniently, so nothing crashes while the update is refused.
    expect(readPlanSnapshot(probe).goals.find((goal) => goal.id === 'evil-goal')?.words).toBe('');
  });

  it('rejects text over its limit that bypassed the UI', () => {
    const probe = receive((peer) => (peer.getMap('aboutMe').get('whatMatters') as Y.Text).insert(0, 'x'.repeat(300_000)));
    expect(checkPlanDocShape(probe)).toEqual([
      { path: ['aboutMe', 'whatMatters'], message: 'What is most important to me is longer than 5000 characters', blocking: true },
    ]);
  });

  it('rejects a plan version this app does not know', () => {
    const probe = receive((peer) => peer.getMap('meta').set('schemaVersion', 42));
    expect(checkPlanDocShape(probe).map((problem) => problem.path.join('.'))).toEqual(['meta.schemaVersion']);
  });
});
