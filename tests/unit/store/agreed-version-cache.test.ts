import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agreedVersionVerifications } from '../../../main/store/agreed-versions';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';

const details = { agreedBy: { role: 'the person' as const, name: 'Jill Marsh' }, professionalsPresent: [], recordedBy: testActor };

describe('agreed versions are verified once, then cached (issue 14)', () => {
  it('verified when written, not again on listing or reading; verified once more when opened from disk', () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    const planId = randomUUID();
    const doc = new Y.Doc();
    doc.getText('note').insert(0, 'agreed');
    store.createPlan(planId, 'Jill Marsh', Y.encodeStateAsUpdate(doc), testActor);
    store.agreeVersion({ planId, state: Y.encodeStateAsUpdate(doc), snapshot: { note: 'agreed' }, details }, testActor);
    store.agreeVersion({ planId, state: Y.encodeStateAsUpdate(doc), snapshot: { note: 'agreed again' }, details }, testActor);
    const afterWriting = agreedVersionVerifications();
    for (let round = 0; round < 5; round += 1) {
      expect(store.listAgreedVersions(planId).map((version) => version.intact)).toEqual([true, true]);
      expect(store.getAgreedVersion(planId, 2).snapshot).toEqual({ note: 'agreed again' });
    }
    expect(agreedVersionVerifications() - afterWriting).toBe(0);
    store.close();

    const reopened = openTestStore(dataDir);
    try {
      const beforeReading = agreedVersionVerifications();
      for (let round = 0; round < 5; round += 1) expect(reopened.listAgreedVersions(planId).map((version) => version.intact)).toEqual([true, true]);
      // Each version fully verified exactly once in this session.
      expect(agreedVersionVerifications() - beforeReading).toBe(2);
    } finally {
      reopened.close();
    }
  });
});
