import * as Y from 'yjs';
import { readFields, readItems } from './field-storage';
import type { CarePlanSnapshot } from './plan-snapshot';
import { collectionSections, recordSections } from './plan-schema';

/**
 * The whole plan as plain data (see plan-snapshot.ts). Reads leniently: a malformed value
 * from a peer reads as empty rather than throwing (checkPlanDocShape reports it), so an
 * export or the UI never crashes on a bad document.
 *
 * The casts below are the one place plain records become typed: the schema table is
 * checked against the snapshot types at compile time (FieldSpecsFor in plan-schema.ts),
 * and the round-trip tests check it at run time.
 */
export function readPlanSnapshot(doc: Y.Doc): CarePlanSnapshot {
  const meta = doc.getMap('meta');
  const schemaVersion = meta.get('schemaVersion');
  const createdAt = meta.get('createdAt');
  const collection = (key: keyof typeof collectionSections): unknown[] =>
    readItems(doc.getMap(key), collectionSections[key]);
  return {
    meta: {
      schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 0,
      createdAt: typeof createdAt === 'string' ? createdAt : '',
    },
    person: readFields(doc.getMap('person'), recordSections.person) as unknown as CarePlanSnapshot['person'],
    aboutMe: readFields(doc.getMap('aboutMe'), recordSections.aboutMe) as unknown as CarePlanSnapshot['aboutMe'],
    strengths: collection('strengths') as CarePlanSnapshot['strengths'],
    needs: collection('needs') as CarePlanSnapshot['needs'],
    goals: collection('goals') as CarePlanSnapshot['goals'],
    actions: collection('actions') as CarePlanSnapshot['actions'],
    professionalContacts: collection('professionalContacts') as CarePlanSnapshot['professionalContacts'],
    personalContacts: collection('personalContacts') as CarePlanSnapshot['personalContacts'],
    contingencyPlans: collection('contingencyPlans') as CarePlanSnapshot['contingencyPlans'],
    supportPlans: collection('supportPlans') as CarePlanSnapshot['supportPlans'],
    services: collection('services') as CarePlanSnapshot['services'],
    consent: readFields(doc.getMap('consent'), recordSections.consent) as unknown as CarePlanSnapshot['consent'],
    agreement: readFields(doc.getMap('agreement'), recordSections.agreement) as unknown as CarePlanSnapshot['agreement'],
    meetings: collection('meetings') as CarePlanSnapshot['meetings'],
  };
}

/** The plan held in a stored Yjs state (one update), read on a throwaway document. */
export function readPlanSnapshotFromState(state: Uint8Array): CarePlanSnapshot {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readPlanSnapshot(doc);
  } finally {
    doc.destroy();
  }
}
