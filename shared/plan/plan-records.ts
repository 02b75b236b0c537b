import type * as Y from 'yjs';
import { writeFieldValue, type PlainRecord } from './field-storage';
import { PlanPathError } from './plan-path-error';
import type { RecordPatch } from './plan-paths';
import { recordSections, type RecordSectionKey } from './plan-schema';
import type { FieldSpec } from './field-spec';

/**
 * Sets fields of a one-record section (person, aboutMe, consent, agreement) in one
 * transaction. Text given here replaces the whole text; live typing goes through the
 * field's Y.Text (getPlanText) so it merges character by character instead.
 */
export function updateRecordSection<K extends RecordSectionKey>(doc: Y.Doc, section: K, patch: RecordPatch<K>): void {
  const fields: Readonly<Record<string, FieldSpec>> = recordSections[section];
  doc.transact(() => {
    const map = doc.getMap(section);
    for (const [key, value] of Object.entries(patch as PlainRecord)) {
      const spec = fields[key];
      if (spec === undefined) throw new PlanPathError(`${section} has no field ${key}`);
      if (value === undefined) continue;
      writeFieldValue(map, key, spec, value);
    }
  });
}
