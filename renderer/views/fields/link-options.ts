import { formatUkDate, isLive, planSectionKeys, sectionTitle, type CarePlanSnapshot, type ItemBase } from '../../../shared/plan';

/**
 * What a link field (a list of ids, or one id) may point at, by field pattern
 * ('actions[].goalIds'). Removed items are offered only if already linked, marked, so a
 * link is never dropped without someone choosing to.
 */
export interface LinkOption {
  value: string;
  label: string;
}

function shorten(text: string, fallback: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!trimmed) return fallback;
  return trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed;
}

function itemOptions<T extends ItemBase>(items: readonly T[], selected: readonly string[], describe: (item: T, index: number) => string): LinkOption[] {
  return items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => isLive(item) || selected.includes(item.id))
    .map(({ item, index }) => ({ value: item.id, label: describe(item, index) + (isLive(item) ? '' : ' — removed from the plan') }));
}

function contactOptions(snapshot: CarePlanSnapshot, selected: readonly string[]): LinkOption[] {
  return [
    ...itemOptions(snapshot.professionalContacts, selected, (contact) => `${shorten(contact.name, 'Unnamed team member')}${contact.role.trim() ? ` (${contact.role.trim()})` : ''}`),
    ...itemOptions(snapshot.personalContacts, selected, (contact) => `${shorten(contact.name, 'Unnamed contact')}${contact.relationship.trim() ? ` (${contact.relationship.trim()})` : ''}`),
  ];
}

/** The options for the link field at `pattern`, or null if that field is not a link this screen knows. */
export function linkOptionsFor(pattern: string, snapshot: CarePlanSnapshot, selected: readonly string[]): LinkOption[] | null {
  switch (pattern) {
    case 'goals[].linkedNeedIds':
      return itemOptions(snapshot.needs, selected, (need, index) => shorten(need.text, `Need ${index + 1}`));
    case 'actions[].goalIds':
      return itemOptions(snapshot.goals, selected, (goal, index) => shorten(goal.words, `Goal ${index + 1}`));
    case 'actions[].agreedAtMeetingId':
      return itemOptions(snapshot.meetings, selected, (meeting, index) => `Meeting ${index + 1}${meeting.date ? ` on ${formatUkDate(meeting.date)}` : ''}`);
    case 'contingencyPlans[].contactIds':
    case 'meetings[].attendees[].contactId':
      return contactOptions(snapshot, selected);
    case 'consent.sharingScopes[].sections':
      return planSectionKeys.map((key) => ({ value: key, label: sectionTitle(key) }));
    case 'consent.sharingScopes[].itemIds':
      return itemOptions(snapshot.supportPlans, selected, (plan, index) => shorten(plan.name, `Support plan ${index + 1}`));
    default:
      return null;
  }
}

/** The plan sections a link field's options are read from (so the field re-renders only when they change). */
export function linkSourceSections(pattern: string): ReadonlyArray<Exclude<keyof CarePlanSnapshot, 'meta'>> {
  switch (pattern) {
    case 'goals[].linkedNeedIds':
      return ['needs'];
    case 'actions[].goalIds':
      return ['goals'];
    case 'actions[].agreedAtMeetingId':
      return ['meetings'];
    case 'contingencyPlans[].contactIds':
    case 'meetings[].attendees[].contactId':
      return ['professionalContacts', 'personalContacts'];
    case 'consent.sharingScopes[].itemIds':
      return ['supportPlans'];
    default:
      return [];
  }
}

/** What a link list has nothing to offer yet, in words (e.g. "Add needs first, on Strengths and needs"). */
export function emptyLinkMessage(pattern: string): string {
  switch (pattern) {
    case 'goals[].linkedNeedIds':
      return 'No needs yet: add them under Strengths and needs.';
    case 'actions[].goalIds':
      return 'No goals yet: add them under Goals.';
    case 'actions[].agreedAtMeetingId':
      return 'No meetings yet: add them under Meetings.';
    case 'consent.sharingScopes[].itemIds':
      return 'No additional support plans yet.';
    default:
      return 'Nobody in the care team or family list yet: add them under Care team.';
  }
}
