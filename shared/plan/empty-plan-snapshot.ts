import type { EditContext } from './edit-context';
import type { FieldSpec, FieldSpecs } from './field-spec';
import { newItemId } from './new-item-id';
import { PLAN_SCHEMA_VERSION } from './plan-layout';
import type { CarePlanSnapshot, ItemBase, ItemBaseKey } from './plan-snapshot';
import { recordSections } from './plan-schema';

/**
 * Plain empty values, matching what a freshly initialised document reads as. Used to
 * build plans as data (example plans, imports, test fixtures) without a document.
 */
export function emptyPlainValue(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'text':
      return '';
    case 'choice':
      return spec.fallback;
    case 'flag':
      return false;
    case 'idSet':
    case 'collection':
      return [];
    case 'date':
    case 'integer':
    case 'personRef':
    case 'itemRef':
      return null;
  }
}

function emptyRecord(fields: FieldSpecs): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, emptyPlainValue(spec)]));
}

export function emptyPlanSnapshot(createdAt: string): CarePlanSnapshot {
  return {
    meta: { schemaVersion: PLAN_SCHEMA_VERSION, createdAt },
    person: emptyRecord(recordSections.person) as unknown as CarePlanSnapshot['person'],
    aboutMe: emptyRecord(recordSections.aboutMe) as unknown as CarePlanSnapshot['aboutMe'],
    strengths: [],
    needs: [],
    goals: [],
    actions: [],
    professionalContacts: [],
    personalContacts: [],
    contingencyPlans: [],
    supportPlans: [],
    services: [],
    consent: emptyRecord(recordSections.consent) as unknown as CarePlanSnapshot['consent'],
    agreement: emptyRecord(recordSections.agreement) as unknown as CarePlanSnapshot['agreement'],
    meetings: [],
  };
}

/**
 * A new item as plain data: every field empty, then `values` on top, with a fresh id
 * unless one is given. The caller names the item's spec (e.g. goalFields) and type.
 */
export function plainItem<T extends ItemBase>(
  fields: FieldSpecs,
  values: Partial<Omit<T, ItemBaseKey>> & { id?: string },
  context: EditContext,
): T {
  const { id, ...rest } = values;
  return {
    ...emptyRecord(fields),
    ...rest,
    id: id ?? newItemId(),
    createdAt: context.at,
    createdBy: context.by,
    removedAt: null,
    removedBy: null,
  } as unknown as T;
}
