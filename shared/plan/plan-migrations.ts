import type * as Y from 'yjs';
import { addMissingFields } from './field-storage';
import { metaMap, PLAN_SCHEMA_VERSION, planSchemaVersion } from './plan-layout';
import { recordSections, type RecordSectionKey } from './plan-schema';

/**
 * Forward-only migrations of the plan document: an ordered, named, append-only list.
 * Each step runs in its own transaction and bumps meta.schemaVersion, so a document is
 * never left half-migrated at a version that claims otherwise.
 *
 * Migrations only ADD: they never replace or delete a value somebody wrote. Run them when
 * a plan is opened, before joining a meeting, so peers receive the migrated fields rather
 * than each creating their own (two peers adding the same empty Y.Text while apart keep
 * one of them; see plan-schema.ts).
 */
export interface PlanMigration {
  from: number;
  to: number;
  name: string;
  migrate(doc: Y.Doc): void;
}

export const planMigrations: readonly PlanMigration[] = [
  {
    // v1 (the first skeleton) had person {firstName, familyName, preferredName, nhsNumber}
    // and aboutMe {whatMatters}. v2 is the whole plan: every field of every record section
    // is added; collection sections are roots whose (empty) maps need no writing.
    from: 1,
    to: 2,
    name: 'whole-care-plan-sections',
    migrate(doc) {
      for (const key of Object.keys(recordSections) as RecordSectionKey[]) {
        addMissingFields(doc.getMap(key), recordSections[key]);
      }
    },
  },
];

export type MigrationStatus = 'current' | 'migrated' | 'newer' | 'uninitialised';

export interface MigrationResult {
  status: MigrationStatus;
  fromVersion: number | null;
  toVersion: number | null;
  /** Names of the migrations applied, in order. */
  applied: string[];
}

/**
 * Brings a document up to PLAN_SCHEMA_VERSION. A document from a NEWER version of the app
 * is left untouched ('newer'): the caller should open it read-only and say so, rather
 * than risk an older app damaging fields it does not know.
 */
export function migratePlanDoc(doc: Y.Doc): MigrationResult {
  const fromVersion = planSchemaVersion(doc);
  if (fromVersion === null) return { status: 'uninitialised', fromVersion, toVersion: null, applied: [] };
  if (fromVersion > PLAN_SCHEMA_VERSION) return { status: 'newer', fromVersion, toVersion: fromVersion, applied: [] };
  const applied: string[] = [];
  let version = fromVersion;
  for (const migration of planMigrations) {
    if (migration.from !== version) continue;
    doc.transact(() => {
      migration.migrate(doc);
      metaMap(doc).set('schemaVersion', migration.to);
    }, 'plan-migration');
    applied.push(migration.name);
    version = migration.to;
  }
  return { status: applied.length > 0 ? 'migrated' : 'current', fromVersion, toVersion: version, applied };
}
