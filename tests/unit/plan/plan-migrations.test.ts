import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  PLAN_SCHEMA_VERSION,
  checkPlanDocShape,
  createItem,
  getPlanText,
  initialisePlanDoc,
  migratePlanDoc,
  readPlanSnapshot,
  recordSections,
} from '../../../shared/plan';
import { initialiseV1PlanDoc } from './fixtures/v1-plan-doc';
import { forkDoc, syncDocs } from './fixtures/sync-docs';

describe('migrating plan documents', () => {
  it("brings the lead's v1 document to the current layout without touching existing text", () => {
    const doc = new Y.Doc();
    initialiseV1PlanDoc(doc, '2025-01-01T09:00:00.000Z');
    const firstName = doc.getMap('person').get('firstName') as Y.Text;
    firstName.insert(0, 'Jill');
    (doc.getMap('person').get('nhsNumber') as Y.Text).insert(0, '999 526 0182');
    (doc.getMap('aboutMe').get('whatMatters') as Y.Text).insert(0, 'My own home');
    expect(checkPlanDocShape(doc).length).toBeGreaterThan(0); // fields missing before migration

    const result = migratePlanDoc(doc);

    expect(result).toEqual({ status: 'migrated', fromVersion: 1, toVersion: 2, applied: ['whole-care-plan-sections'] });
    expect(PLAN_SCHEMA_VERSION).toBe(2);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(2);
    // The very same Y.Text survives (so anyone mid-typing keeps their place), content intact.
    expect(doc.getMap('person').get('firstName')).toBe(firstName);
    const snapshot = readPlanSnapshot(doc);
    expect(snapshot.person.firstName).toBe('Jill');
    expect(snapshot.person.nhsNumber).toBe('999 526 0182');
    expect(snapshot.aboutMe.whatMatters).toBe('My own home');
    expect(snapshot.meta).toEqual({ schemaVersion: 2, createdAt: '2025-01-01T09:00:00.000Z' });
    for (const [field, spec] of Object.entries(recordSections.aboutMe)) {
      if (spec.kind === 'text') expect(doc.getMap('aboutMe').get(field), field).toBeInstanceOf(Y.Text);
    }
    expect(doc.getMap('consent').get('status')).toBe('notYetAsked');
    expect(checkPlanDocShape(doc)).toEqual([]);

    // The migrated plan is fully usable.
    const goalId = createItem(doc, ['goals'], { words: 'Stay at home' }, { by: 'Tom', at: '2025-01-02T10:00:00.000Z' });
    getPlanText(doc, ['aboutMe', 'pleaseDo'])?.insert(0, 'Phone in the morning');
    expect(readPlanSnapshot(doc).goals[0]?.id).toBe(goalId);
    expect(readPlanSnapshot(doc).aboutMe.pleaseDo).toBe('Phone in the morning');
  });

  it('is a no-op on a current document and says so', () => {
    const doc = new Y.Doc();
    initialisePlanDoc(doc, '2025-01-01T09:00:00.000Z');
    const before = Y.encodeStateAsUpdate(doc);
    expect(migratePlanDoc(doc)).toEqual({ status: 'current', fromVersion: 2, toVersion: 2, applied: [] });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('leaves a document from a newer app alone, and an empty one uninitialised', () => {
    const newer = new Y.Doc();
    newer.getMap('meta').set('schemaVersion', 99);
    expect(migratePlanDoc(newer).status).toBe('newer');
    expect(newer.getMap('person').size).toBe(0);
    expect(migratePlanDoc(new Y.Doc()).status).toBe('uninitialised');
  });

  it('a migrated peer and a v1 peer that typed meanwhile end up with both texts', () => {
    const doc = new Y.Doc();
    initialiseV1PlanDoc(doc, '2025-01-01T09:00:00.000Z');
    const oldPeer = forkDoc(doc);
    migratePlanDoc(doc);
    (oldPeer.getMap('aboutMe').get('whatMatters') as Y.Text).insert(0, 'Lunch club');
    syncDocs(doc, oldPeer);
    expect(readPlanSnapshot(doc).aboutMe.whatMatters).toBe('Lunch club');
    expect(readPlanSnapshot(oldPeer).meta.schemaVersion).toBe(2);
  });
});
