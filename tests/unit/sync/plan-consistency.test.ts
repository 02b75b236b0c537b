import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { decodePlanCheck, encodePlanCheck, PlanConsistency, planFingerprint } from '../../../renderer/sync/meeting/plan-consistency';
import { initialisePlanDoc, personText } from '../../../shared/plan';
import { forkDoc, syncDocs } from '../plan/fixtures/sync-docs';

function plan(): Y.Doc {
  const doc = new Y.Doc();
  initialisePlanDoc(doc, '2025-03-14T09:00:00.000Z');
  personText(doc, 'firstName')?.insert(0, 'Jill');
  return doc;
}

describe('peers compare a hash of the plan now and then', () => {
  it('gives equal fingerprints for converged copies, whatever order edits arrived in', async () => {
    const a = plan();
    const b = forkDoc(a);
    personText(a, 'familyName')?.insert(0, 'Marsh');
    personText(b, 'preferredName')?.insert(0, 'Jilly');
    expect((await planFingerprint(a)).contentHash).not.toBe((await planFingerprint(b)).contentHash);
    syncDocs(a, b);
    const [fa, fb] = [await planFingerprint(a), await planFingerprint(b)];
    expect(fa.contentHash).toBe(fb.contentHash);
    expect(decodePlanCheck(encodePlanCheck(fa))).toEqual(fa);
    expect(() => decodePlanCheck(new Uint8Array([101, 1, 0, 3, 65, 66, 67]))).toThrow();
  });

  it('resyncs on a mismatch and warns only when copies stay different while nobody is typing', async () => {
    const consistency = new PlanConsistency();
    const a = plan();
    const b = forkDoc(a);
    // Typing in flight: a differs, b differs, but both keep changing: resync, never a warning.
    for (let i = 0; i < 4; i += 1) {
      personText(a, 'familyName')?.insert(0, 'x');
      const outcome = consistency.compare('b', await planFingerprint(b), await planFingerprint(a));
      expect(outcome).toEqual({ kind: 'resync', stillDifferent: false });
      personText(b, 'preferredName')?.insert(0, 'y');
    }
    syncDocs(a, b);
    expect(consistency.compare('b', await planFingerprint(b), await planFingerprint(a))).toEqual({ kind: 'same' });

    // b lacks an update it refused (say) and nothing changes any more: after the resync it
    // is still different, so the second idle mismatch warns.
    personText(a, 'nhsNumber')?.insert(0, '999');
    const [fa, fb] = [await planFingerprint(a), await planFingerprint(b)];
    expect(consistency.compare('b', fb, fa)).toEqual({ kind: 'resync', stillDifferent: false });
    expect(consistency.compare('b', fb, fa)).toEqual({ kind: 'resync', stillDifferent: true });
  });
});
