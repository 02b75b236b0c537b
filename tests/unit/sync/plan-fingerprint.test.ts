import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { PlanFingerprinter } from '../../../renderer/sync/meeting/plan-fingerprint';
import { createItem, getPlanText, moveItem, readPlanSnapshot, removeItem, updateItem } from '../../../shared/plan';
import { largePlanDoc, planSizes } from '../../support/large-plans';
import { seededRandom } from '../../support/seeded-random';
import { forkDoc, syncDocs } from '../plan/fixtures/sync-docs';

const nurse = { by: 'Tom Reid', at: '2025-03-14T10:00:00.000Z' };

/** A fingerprinter made now hashes the whole plan: the reference for the one kept up to date. */
function freshHash(doc: Y.Doc): string {
  const fresh = new PlanFingerprinter(doc);
  try {
    return fresh.contentHash();
  } finally {
    fresh.dispose();
  }
}

describe('the plan fingerprint, kept up to date item by item', () => {
  it('always equals a hash of the whole plan made from scratch, through every kind of edit', () => {
    const doc = largePlanDoc(planSizes.medium);
    const kept = new PlanFingerprinter(doc);
    const random = seededRandom(1414);
    const seen = new Set<string>([kept.contentHash()]);
    const actionIds = () => readPlanSnapshot(doc).actions.map((action) => action.id);
    const goalIds = () => readPlanSnapshot(doc).goals.map((goal) => goal.id);
    const pickFrom = (ids: string[]) => ids[Math.floor(random() * ids.length)] ?? '';
    const edits: Array<() => void> = [
      () => getPlanText(doc, ['aboutMe', 'whatMatters'])?.insert(0, 'x'),
      () => getPlanText(doc, ['actions', pickFrom(actionIds()), 'notes'])?.insert(0, 'y'),
      () => updateItem(doc, ['actions'], pickFrom(actionIds()), { dueDate: '2027-01-0' + (1 + Math.floor(random() * 9)) }),
      () => void createItem(doc, ['goals'], { words: 'New goal' }, nurse),
      () => void createItem(doc, ['goals', pickFrom(goalIds()), 'steps'], { text: 'A step' }, nurse),
      () => removeItem(doc, ['actions'], pickFrom(actionIds()), nurse),
      () => moveItem(doc, ['actions'], pickFrom(actionIds()), 0),
      () => updateItem(doc, ['actions'], pickFrom(actionIds()), { goalIds: [pickFrom(goalIds())] }),
    ];
    for (let round = 0; round < 80; round += 1) {
      edits[round % edits.length]?.();
      const hash = kept.contentHash();
      expect(hash).toBe(freshHash(doc));
      seen.add(hash);
    }
    // Positive control: the edits did change what the plan says (the hash is not constant).
    expect(seen.size).toBeGreaterThan(60);
    kept.dispose();
  });

  it('is the same for two copies with the same content however their edits arrived, and differs otherwise', () => {
    const a = largePlanDoc(planSizes.medium);
    const b = forkDoc(a);
    const [ha, hb] = [new PlanFingerprinter(a), new PlanFingerprinter(b)];
    expect(ha.contentHash()).toBe(hb.contentHash());
    getPlanText(a, ['aboutMe', 'whatMatters'])?.insert(0, 'Karen: ');
    const [actionId] = readPlanSnapshot(b).actions.map((action) => action.id);
    getPlanText(b, ['actions', actionId ?? '', 'notes'])?.insert(0, 'Tom: ');
    expect(ha.contentHash()).not.toBe(hb.contentHash());
    syncDocs(a, b);
    expect(ha.contentHash()).toBe(hb.contentHash());
    expect(ha.contentHash()).toBe(freshHash(b));
  });
});
