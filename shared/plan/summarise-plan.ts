import type * as Y from 'yjs';
import { readFields, readItems } from './field-storage';
import { currentKeyworker } from './keyworker';
import type { Agreement, PersonDetails, ProfessionalContact } from './plan-snapshot';
import { collectionSections, recordSections } from './plan-schema';

export interface PlanDocSummary {
  personName: string;
  nhsNumber: string;
  keyworker: string;
  reviewDate: string;
}

/**
 * What the plans list shows of a plan, read from its document. `today` picks the current
 * keyworker when the role is handed over on a date; it defaults to the machine's date
 * because the list is about now.
 */
export function summarisePlan(doc: Y.Doc, today: string = new Date().toISOString().slice(0, 10)): PlanDocSummary {
  const person = readFields(doc.getMap('person'), recordSections.person) as unknown as PersonDetails;
  const agreement = readFields(doc.getMap('agreement'), recordSections.agreement) as unknown as Agreement;
  const contacts = readItems(doc.getMap('professionalContacts'), collectionSections.professionalContacts) as unknown as ProfessionalContact[];
  const personName = [person.firstName, person.familyName].map((part) => part.trim()).filter(Boolean).join(' ');
  return {
    personName,
    nhsNumber: person.nhsNumber.trim(),
    keyworker: currentKeyworker(contacts, today)?.name.trim() ?? '',
    reviewDate: agreement.reviewDate ?? '',
  };
}
