import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initialisePlanDoc, personText, readPlanSnapshot } from '../../../shared/plan';

/**
 * Why a participant who does not have the plan RECEIVES it before storing it
 * (receiveMeetingPlan) instead of creating an empty plan and merging: two independently
 * initialised plans each create their own Y.Text for every field, and merging keeps only
 * one of each pair. Whichever side wins, one side's text is gone, for everyone.
 */
describe('joining a meeting about a plan this machine does not have', () => {
  function hostPlan(): Y.Doc {
    const doc = new Y.Doc();
    initialisePlanDoc(doc, '2025-03-14T09:00:00.000Z');
    personText(doc, 'firstName')?.insert(0, 'Jill');
    return doc;
  }

  it('initialising a fresh plan locally and then merging can lose the host’s text', () => {
    let lost = 0;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const host = hostPlan();
      const joiner = new Y.Doc();
      initialisePlanDoc(joiner, '2025-03-14T09:30:00.000Z');
      Y.applyUpdate(joiner, Y.encodeStateAsUpdate(host));
      Y.applyUpdate(host, Y.encodeStateAsUpdate(joiner));
      if (personText(host, 'firstName')?.toString() !== 'Jill') lost += 1;
    }
    expect(lost).toBeGreaterThan(0);
  });

  it('receiving the state first keeps everything, on both machines', () => {
    const host = hostPlan();
    const joiner = new Y.Doc();
    Y.applyUpdate(joiner, Y.encodeStateAsUpdate(host));
    personText(joiner, 'familyName')?.insert(0, 'Marsh');
    Y.applyUpdate(host, Y.encodeStateAsUpdate(joiner));
    expect(readPlanSnapshot(host)).toEqual(readPlanSnapshot(joiner));
    expect(personText(host, 'firstName')?.toString()).toBe('Jill');
  });
});
