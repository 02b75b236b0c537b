import type { ProfessionalContact } from './plan-snapshot';
import { isLive } from './plan-snapshot';

/**
 * The named keyworker / care coordinator on a given date. A keyworker may hold the role
 * for a period (keyworkerFrom / keyworkerUntil, inclusive), which is how a handover is
 * recorded — e.g. the children's social worker until the day before Amir turns 18, the
 * adults' social worker from his birthday. A contact whose involvement has ended
 * (endDate before the date) is not current either.
 */
export function isKeyworkerOn(contact: ProfessionalContact, date: string): boolean {
  if (!isLive(contact) || !contact.isKeyworker) return false;
  if (contact.keyworkerFrom !== null && contact.keyworkerFrom > date) return false;
  if (contact.keyworkerUntil !== null && contact.keyworkerUntil < date) return false;
  if (contact.endDate !== null && contact.endDate < date) return false;
  return true;
}

/** Everyone marked keyworker on `date`: exactly one is right, validation reports otherwise. */
export function keyworkersOn(contacts: readonly ProfessionalContact[], date: string): ProfessionalContact[] {
  return contacts.filter((contact) => isKeyworkerOn(contact, date));
}

/** The single current keyworker, or null when there is none or (wrongly) more than one. */
export function currentKeyworker(contacts: readonly ProfessionalContact[], date: string): ProfessionalContact | null {
  const current = keyworkersOn(contacts, date);
  return current.length === 1 ? (current[0] ?? null) : null;
}

/** Keyworker assignments that overlap in time (two people holding the role on some day). */
export function overlappingKeyworkers(
  contacts: readonly ProfessionalContact[],
): Array<[ProfessionalContact, ProfessionalContact]> {
  const keyworkers = contacts.filter((contact) => isLive(contact) && contact.isKeyworker);
  const overlaps: Array<[ProfessionalContact, ProfessionalContact]> = [];
  keyworkers.forEach((first, index) => {
    for (const second of keyworkers.slice(index + 1)) {
      const startsBeforeOtherEnds = first.keyworkerFrom === null || second.keyworkerUntil === null || first.keyworkerFrom <= second.keyworkerUntil;
      const endsAfterOtherStarts = first.keyworkerUntil === null || second.keyworkerFrom === null || first.keyworkerUntil >= second.keyworkerFrom;
      if (startsBeforeOtherEnds && endsAfterOtherStarts) overlaps.push([first, second]);
    }
  });
  return overlaps;
}
