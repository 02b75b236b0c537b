import * as Y from 'yjs';
import { fillEmptyFields } from './field-storage';
import type { AboutMe, PersonDetails } from './plan-snapshot';
import type { TextKeys } from './plan-paths';
import { recordSections, type PlanRootKey, type RecordSectionKey } from './plan-schema';

/**
 * Creating the plan document and reaching its roots. The layout itself (one root per
 * section, items keyed by id with a position, text created eagerly) is described in
 * plan-schema.ts and docs/plan-document.md.
 */

/** Version of the layout written by this code; older documents go through migratePlanDoc. */
export const PLAN_SCHEMA_VERSION = 2;

export type PersonTextField = TextKeys<PersonDetails>;
export type AboutMeTextField = TextKeys<AboutMe>;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/** The root shared type of a section (every root is a Y.Map; see plan-schema.ts). */
export function rootMap(doc: Y.Doc, key: PlanRootKey): Y.Map<unknown> {
  return doc.getMap(key);
}

export function personMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('person');
}

export function aboutMeMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('aboutMe');
}

/** The schema version recorded in the document, or null for a document never initialised. */
export function planSchemaVersion(doc: Y.Doc): number | null {
  const version = metaMap(doc).get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
}

/**
 * Writes the empty plan: every field of every record section exists from the start, so
 * nobody ever creates a Y.Text lazily (two peers doing so would lose one person's text).
 * Collection sections need nothing: their root map starts empty. Does nothing to a
 * document that is already initialised, so it can never replace anyone's text.
 */
export function initialisePlanDoc(doc: Y.Doc, createdAt: string): void {
  if (planSchemaVersion(doc) !== null) return;
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', PLAN_SCHEMA_VERSION);
    meta.set('createdAt', createdAt);
    for (const key of Object.keys(recordSections) as RecordSectionKey[]) {
      fillEmptyFields(rootMap(doc, key), recordSections[key]);
    }
  });
}

export function personText(doc: Y.Doc, field: PersonTextField): Y.Text | undefined {
  const value = personMap(doc).get(field);
  return value instanceof Y.Text ? value : undefined;
}

export function aboutMeText(doc: Y.Doc, field: AboutMeTextField): Y.Text | undefined {
  const value = aboutMeMap(doc).get(field);
  return value instanceof Y.Text ? value : undefined;
}

// main/ imports the plans-list summary from here (the lead's original module).
export { summarisePlan, type PlanDocSummary } from './summarise-plan';
