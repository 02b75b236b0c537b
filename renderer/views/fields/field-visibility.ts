import type { PlainRecord } from '../plan/plain-record';

/**
 * Fields that only mean something in some cases are hidden otherwise, so a screen shows
 * what matters to this person: keyworker dates only for the keyworker, family-group-
 * conference steps only for that kind of meeting, best-interests notes only when the
 * person lacks capacity.
 */
const conditions: Readonly<Record<string, (owner: PlainRecord) => boolean>> = {
  'professionalContacts[].keyworkerFrom': (owner) => owner.isKeyworker === true,
  'professionalContacts[].keyworkerUntil': (owner) => owner.isKeyworker === true,
  'personalContacts[].carerNeeds': (owner) => owner.isCarer === true,
  // Private family time is typed on the family's machine only (meeting-record/private-family-time):
  // typing it here would put it in the shared plan. Shown once the family has shared it.
  'meetings[].privateFamilyTime': (owner) => owner.type === 'familyGroupConference' && owner.privateFamilyTimeShared === true,
  'meetings[].privateFamilyTimeShared': () => false,
  'meetings[].planAgreement': (owner) => owner.type === 'familyGroupConference',
  'consent.bestInterestsNotes': (owner) => owner.status === 'lacksCapacityBestInterests' || (typeof owner.bestInterestsNotes === 'string' && owner.bestInterestsNotes !== ''),
  // Who agreed, with whom and when are recorded only by the Agree step (agreed versions);
  // hand-edited copies would let a draft claim an agreement that never happened.
  'agreement.agreedBy': () => false,
  'agreement.agreedWithName': () => false,
  'agreement.agreedWithRole': () => false,
  'agreement.agreedOn': () => false,
  'person.language': (owner) => owner.interpreterNeeded === true || (typeof owner.language === 'string' && owner.language !== ''),
};

export function isFieldShown(pattern: string, owner: PlainRecord): boolean {
  return conditions[pattern]?.(owner) ?? true;
}

/** A short name for an item: its first filled-in text field, shortened. */
export function itemSummary(owner: PlainRecord, textKeys: readonly string[]): string {
  for (const key of textKeys) {
    const value = owner[key];
    if (typeof value === 'string' && value.trim()) {
      const text = value.trim().replace(/\s+/g, ' ');
      return text.length > 60 ? `${text.slice(0, 59)}…` : text;
    }
  }
  return '';
}
