import { isLive, type AgendaItem, type CarePlanSnapshot, type Meeting, type MeetingApology, type MeetingAttendee } from '../plan/plan-snapshot';
import { versionText, type ExportContext } from './export-context';
import { actionStatusLabels, labelOf, meetingTypeLabels } from './plain-labels';
import { describePersonRef, personFullName } from './plan-people';

/** One person in the attendance list: "Dr Amara Shah, GP, Bristol Harbourside Practice". */
export interface MinutesPerson {
  name: string;
  role: string;
  organisation: string;
}

/** An agenda item's words as the minutes print them (the item without its plan bookkeeping). */
export type MinutesItem = Pick<AgendaItem, 'title' | 'situation' | 'discussion' | 'decision' | 'reasoning' | 'dissent' | 'personView' | 'bottomLines'>;

export interface MinutesAction {
  what: string;
  owner: string;
  due: string | null;
  status: string;
}

/**
 * The minutes of one meeting as a pure model (no format): attendees, apologies,
 * decisions with dissent, actions with owners and dates, and the next meeting. The
 * Markdown, PDF and calendar builders all read this, so every format says the same.
 * Private family time appears only once the family has shared it into the record.
 */
export interface MeetingMinutes {
  personName: string;
  title: string;
  date: string | null;
  kind: string;
  location: string;
  chair: string;
  minuteTaker: string;
  attendees: MinutesPerson[];
  apologies: MinutesPerson[];
  /** "Grace attended", "Family attended", "Information-sharing notice read out"… */
  attendanceNotes: string[];
  preparation: string;
  items: MinutesItem[];
  /** The family's own plan from private family time, only if they chose to share it. */
  familyTime: string;
  planAgreement: string;
  /** Actions agreed at this meeting. */
  actions: MinutesAction[];
  /** Actions from earlier meetings, with their status now. */
  carriedOver: MinutesAction[];
  nextMeetingDate: string | null;
  versionText: string;
  generatedAt: string;
}

export class MeetingNotFoundError extends Error {
  constructor(meetingId: string) {
    super(`This plan has no meeting record "${meetingId}".`);
    this.name = 'MeetingNotFoundError';
  }
}

function findMeeting(plan: CarePlanSnapshot, meetingId: string): Meeting {
  const meeting = plan.meetings.find((candidate) => candidate.id === meetingId && isLive(candidate));
  if (!meeting) throw new MeetingNotFoundError(meetingId);
  return meeting;
}

export function buildMeetingMinutes(plan: CarePlanSnapshot, meetingId: string, context: ExportContext): MeetingMinutes {
  const meeting = findMeeting(plan, meetingId);
  const person = personFullName(plan);
  const kind = labelOf(meetingTypeLabels, meeting.type) || 'Meeting';
  const people = (list: ReadonlyArray<MeetingAttendee | MeetingApology>): MinutesPerson[] =>
    list.filter(isLive).map(({ name, role, organisation }) => ({ name, role, organisation }));
  const toAction = (action: CarePlanSnapshot['actions'][number]): MinutesAction => ({
    what: action.what,
    owner: describePersonRef(plan, action.owner),
    due: action.dueDate,
    status: actionStatusLabels[action.status],
  });
  const liveActions = plan.actions.filter(isLive);
  return {
    personName: person,
    title: `${kind}: ${person}`,
    date: meeting.date,
    kind,
    location: meeting.location,
    chair: meeting.chair,
    minuteTaker: meeting.minuteTaker,
    attendees: people(meeting.attendees),
    apologies: people(meeting.apologies),
    attendanceNotes: [
      meeting.personAttended ? `${person} attended` : `${person} did not attend`,
      meeting.advocateAttended ? 'An advocate attended' : '',
      meeting.familyAttended ? 'Family attended' : '',
      meeting.informationSharingNoticeRead ? 'The information-sharing notice was read out' : 'The information-sharing notice was not recorded as read out',
    ].filter(Boolean),
    preparation: meeting.preparation,
    items: meeting.agendaItems.filter(isLive).map(({ title, situation, discussion, decision, reasoning, dissent, personView, bottomLines }) => ({
      title,
      situation,
      discussion,
      decision,
      reasoning,
      dissent,
      personView,
      bottomLines,
    })),
    familyTime: meeting.privateFamilyTimeShared ? meeting.privateFamilyTime : '',
    planAgreement: meeting.planAgreement,
    actions: liveActions.filter((action) => action.agreedAtMeetingId === meeting.id).map(toAction),
    carriedOver: liveActions.filter((action) => action.agreedAtMeetingId !== meeting.id && action.agreedAtMeetingId !== null).map(toAction),
    nextMeetingDate: meeting.nextMeetingDate,
    versionText: versionText(context),
    generatedAt: context.generatedAt,
  };
}

/** "Dr Amara Shah (GP, Bristol Harbourside Practice)". */
export function describeMinutesPerson(person: MinutesPerson): string {
  const about = [person.role, person.organisation].filter((part) => part.trim()).join(', ');
  return about ? `${person.name} (${about})` : person.name;
}

/** "Arrange the damp repair — Sam Patel, by 2026-12-14 (Not started)". */
export function describeMinutesAction(action: MinutesAction): string {
  const who = action.owner || 'owner not decided';
  return `${action.what} — ${who}, ${action.due ? `by ${action.due}` : 'no date'} (${action.status})`;
}
