import { isLive, type CarePlanSnapshot, type Meeting } from '../../../shared/plan';

/** Someone who can be added to the attendees (or apologies) with one click. */
export interface AttendeeCandidate {
  key: string;
  name: string;
  role: string;
  organisation: string;
  /** The care-team or family contact they are, when known. */
  contactId: string | null;
  source: 'person' | 'team' | 'family' | 'present';
  /** In the live meeting now (their presence carries this name). */
  present: boolean;
}

const norm = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Everyone a chair might mark as here or as sending apologies: the person, the care team,
 * family and carers, and whoever is present in the live meeting. Someone present who is
 * also in the care team appears once, with the team's role and organisation filled in.
 * People already listed as attending or sending apologies are left out.
 */
export function attendeeCandidates(plan: CarePlanSnapshot, meeting: Meeting, present: ReadonlyArray<{ name: string; role: string }>): AttendeeCandidate[] {
  const here = new Set(present.map((person) => norm(person.name)));
  const listed = new Set([...meeting.attendees, ...meeting.apologies].filter(isLive).map((entry) => norm(entry.name)));
  const seen = new Set<string>();
  const out: AttendeeCandidate[] = [];
  const add = (entry: Omit<AttendeeCandidate, 'present'>) => {
    const key = norm(entry.name);
    const candidate = { ...entry, present: here.has(key) };
    if (!key || listed.has(key) || seen.has(key)) return;
    seen.add(key);
    out.push(candidate);
  };
  const personName = [plan.person.firstName, plan.person.familyName].map((part) => part.trim()).filter(Boolean).join(' ');
  if (personName) add({ key: 'person', name: personName, role: 'The person', organisation: '', contactId: null, source: 'person' });
  for (const contact of plan.professionalContacts.filter(isLive)) {
    add({ key: `team-${contact.id}`, name: contact.name, role: contact.role, organisation: contact.organisation, contactId: contact.id, source: 'team' });
  }
  for (const contact of plan.personalContacts.filter(isLive)) {
    add({ key: `family-${contact.id}`, name: contact.name, role: contact.relationship, organisation: '', contactId: contact.id, source: 'family' });
  }
  for (const [index, person] of present.entries()) {
    add({ key: `present-${index}`, name: person.name, role: person.role, organisation: '', contactId: null, source: 'present' });
  }
  return out;
}

/** People in the live meeting first: they are in the room. */
export function presentFirst(candidates: readonly AttendeeCandidate[]): AttendeeCandidate[] {
  return [...candidates].sort((a, b) => Number(b.present) - Number(a.present));
}
