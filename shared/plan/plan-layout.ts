import * as Y from 'yjs';

/**
 * The plan document's layout. Each section of the care plan is its own ROOT shared type,
 * so any update can be attributed to the sections it touched (audit, provenance) by the
 * root it lands in. Free text is Y.Text (character-level merge).
 *
 * All Y.Text fields of a map section are created when the plan is created, never lazily:
 * two peers lazily creating the same key would each make their own Y.Text and one
 * person's typing would be lost when the maps merge.
 */
export const PLAN_SCHEMA_VERSION = 1;

export const personTextFields = ['firstName', 'familyName', 'preferredName', 'nhsNumber'] as const;
export const aboutMeTextFields = ['whatMatters'] as const;

export type PersonTextField = (typeof personTextFields)[number];
export type AboutMeTextField = (typeof aboutMeTextFields)[number];

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}
export function personMap(doc: Y.Doc): Y.Map<Y.Text> {
  return doc.getMap('person');
}
export function aboutMeMap(doc: Y.Doc): Y.Map<Y.Text> {
  return doc.getMap('aboutMe');
}

/** Writes the empty plan: every field exists from the start (see the note above). */
export function initialisePlanDoc(doc: Y.Doc, createdAt: string): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', PLAN_SCHEMA_VERSION);
    meta.set('createdAt', createdAt);
    for (const field of personTextFields) personMap(doc).set(field, new Y.Text());
    for (const field of aboutMeTextFields) aboutMeMap(doc).set(field, new Y.Text());
  });
}

function readText(map: Y.Map<Y.Text>, field: string): string {
  const value = map.get(field);
  return value instanceof Y.Text ? value.toString() : '';
}

export function personText(doc: Y.Doc, field: PersonTextField): Y.Text | undefined {
  const value = personMap(doc).get(field);
  return value instanceof Y.Text ? value : undefined;
}

export function aboutMeText(doc: Y.Doc, field: AboutMeTextField): Y.Text | undefined {
  const value = aboutMeMap(doc).get(field);
  return value instanceof Y.Text ? value : undefined;
}

export interface PlanDocSummary {
  personName: string;
  nhsNumber: string;
  keyworker: string;
  reviewDate: string;
}

/** What the plans list shows of a plan, read from its document. */
export function summarisePlan(doc: Y.Doc): PlanDocSummary {
  const person = personMap(doc);
  const name = [readText(person, 'firstName'), readText(person, 'familyName')].filter((part) => part.trim()).join(' ');
  return { personName: name, nhsNumber: readText(person, 'nhsNumber'), keyworker: '', reviewDate: '' };
}
