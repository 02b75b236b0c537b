import { isLive, type CarePlanSnapshot, type MeetingType, type PersonRef } from '../plan/plan-snapshot';

/** How a PersonRef reads in an export: a name, and their role or relationship. */
export interface NamedPerson {
  name: string;
  /** Role (care team), relationship (personal contact) or 'The person' / 'Me'. */
  role: string;
}

/** The name the person goes by: preferred name, else first name, else full name. */
export function personCallName(plan: CarePlanSnapshot): string {
  const { preferredName, firstName, familyName } = plan.person;
  return preferredName.trim() || firstName.trim() || familyName.trim() || 'The person';
}

export function personFullName(plan: CarePlanSnapshot): string {
  const full = [plan.person.firstName.trim(), plan.person.familyName.trim()].filter(Boolean).join(' ');
  return full || plan.person.preferredName.trim() || 'The person';
}

/**
 * Resolves who does or checks something. A link to a removed contact still shows the name
 * (the history matters), marked so nobody calls a person who has left the team.
 */
export function namePersonRef(plan: CarePlanSnapshot, ref: PersonRef | null): NamedPerson | null {
  if (ref === null) return null;
  if (ref.kind === 'person') return { name: personFullName(plan), role: 'The person' };
  if (ref.kind === 'careTeam') {
    const contact = plan.professionalContacts.find((candidate) => candidate.id === ref.contactId);
    if (!contact) return { name: 'Unknown team member', role: '' };
    return { name: contact.name + (isLive(contact) ? '' : ' (no longer in the team)'), role: contact.role };
  }
  const contact = plan.personalContacts.find((candidate) => candidate.id === ref.contactId);
  if (!contact) return { name: 'Unknown contact', role: '' };
  return { name: contact.name + (isLive(contact) ? '' : ' (removed)'), role: contact.relationship };
}

/** "Priya Nair (Social worker)" or '' for nobody. */
export function describePersonRef(plan: CarePlanSnapshot, ref: PersonRef | null): string {
  const named = namePersonRef(plan, ref);
  if (!named) return '';
  return named.role ? `${named.name} (${named.role})` : named.name;
}

/** Goal words for the ids an action serves, skipping links to goals that no longer exist. */
export function goalWordsFor(plan: CarePlanSnapshot, goalIds: readonly string[]): string[] {
  return goalIds.flatMap((id) => {
    const goal = plan.goals.find((candidate) => candidate.id === id);
    return goal ? [goal.words] : [];
  });
}

const meetingShortLabels: Record<MeetingType, string> = {
  mdt: 'MDT meeting',
  discharge: 'Discharge meeting',
  familyGroupConference: 'Family group conference',
  review: 'Review meeting',
};

/** "MDT meeting 2026-11-23" for the meeting that agreed an action, '' when none. */
/** "MDT meeting 2026-11-30" (exports keep ISO dates for spreadsheets; screens pass formatUkDate). */
export function describeMeeting(plan: CarePlanSnapshot, meetingId: string | null, formatDate: (date: string) => string = (date) => date): string {
  if (meetingId === null) return '';
  const meeting = plan.meetings.find((candidate) => candidate.id === meetingId);
  if (!meeting) return '';
  const kind = meeting.type === null ? 'Meeting' : meetingShortLabels[meeting.type];
  return meeting.date ? `${kind} ${formatDate(meeting.date)}` : kind;
}
