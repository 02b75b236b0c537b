import type { CarePlanSnapshot, PersonRef } from '../../../shared/plan';

/**
 * "Who" fields (who will do it, who checks, who reviews) pick from one list: the person,
 * the care team, and family, friends and carers. A <select> holds strings, so each
 * PersonRef has a string form: "person", "careTeam:<id>", "personalContact:<id>".
 */
export function encodePersonRef(ref: PersonRef | null): string {
  if (ref === null) return '';
  return ref.kind === 'person' ? 'person' : `${ref.kind}:${ref.contactId}`;
}

export function decodePersonRef(value: string): PersonRef | null {
  if (value === 'person') return { kind: 'person' };
  const match = /^(careTeam|personalContact):(.+)$/.exec(value);
  if (!match?.[1] || !match[2]) return null;
  return match[1] === 'careTeam' ? { kind: 'careTeam', contactId: match[2] } : { kind: 'personalContact', contactId: match[2] };
}

export interface PersonOption {
  value: string;
  label: string;
}

export interface PersonOptionGroup {
  label: string;
  options: PersonOption[];
}

function named(name: string, detail: string, fallback: string): string {
  const who = name.trim() || fallback;
  return detail.trim() ? `${who} (${detail.trim()})` : who;
}

/** The choices for a "who" field. A current value naming someone removed is kept, marked, so it never silently changes. */
export function personRefOptions(snapshot: CarePlanSnapshot, current: PersonRef | null): PersonOptionGroup[] {
  const personName = [snapshot.person.firstName, snapshot.person.familyName].map((part) => part.trim()).filter(Boolean).join(' ');
  const currentValue = encodePersonRef(current);
  const keep = (item: { id: string; removedAt: string | null }, kind: string) => item.removedAt === null || currentValue === `${kind}:${item.id}`;
  const removedMark = (item: { removedAt: string | null }) => (item.removedAt === null ? '' : ' — removed from the plan');
  return [
    { label: 'The person', options: [{ value: 'person', label: personName ? `${personName} (the person)` : 'The person' }] },
    {
      label: 'Care team',
      options: snapshot.professionalContacts
        .filter((contact) => keep(contact, 'careTeam'))
        .map((contact) => ({ value: `careTeam:${contact.id}`, label: named(contact.name, contact.role, 'Unnamed team member') + removedMark(contact) })),
    },
    {
      label: 'Family, friends and carers',
      options: snapshot.personalContacts
        .filter((contact) => keep(contact, 'personalContact'))
        .map((contact) => ({
          value: `personalContact:${contact.id}`,
          label: named(contact.name, contact.relationship, 'Unnamed contact') + removedMark(contact),
        })),
    },
  ];
}

/** A PersonRef in words, for summaries ("Priya Nair (Social worker)"). */
export function describePersonRef(snapshot: CarePlanSnapshot, ref: PersonRef | null): string {
  if (ref === null) return 'Not chosen';
  const value = encodePersonRef(ref);
  for (const group of personRefOptions(snapshot, ref)) {
    const found = group.options.find((option) => option.value === value);
    if (found) return found.label;
  }
  return 'Someone no longer in the plan';
}
