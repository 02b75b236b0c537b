import type { MeetingParticipant } from '../../sync/meeting/meeting-session';
import { fieldPathLabel } from './field-path-label';
import { PersonTrust } from './person-trust';

/** Who is here: name, role and colour (the colour also marks what they are editing). */
export function PresenceList({
  me,
  participants,
  onHandChair,
}: {
  me: { name: string; role: string; colour: string } | null;
  participants: readonly MeetingParticipant[];
  /** Given when this user holds the chair: hand it to a verified participant. */
  onHandChair?: (identityKey: string) => void;
}) {
  return (
    <ul className="meeting-people" aria-label="People in this meeting">
      {me ? (
        <li className="meeting-person" data-person="me">
          <span className="meeting-person__swatch" style={{ backgroundColor: me.colour }} aria-hidden="true" />
          {me.name} ({me.role}) — you
        </li>
      ) : null}
      {participants.map((person) => (
        <li key={person.clientId} className="meeting-person" data-person={person.name}>
          <span className="meeting-person__swatch" style={{ backgroundColor: person.colour }} aria-hidden="true" />
          {person.name} ({person.role}){person.chair ? ' — chair' : ''}
          {person.focus ? <span className="meeting-person__doing"> — editing {fieldPathLabel(person.focus)}</span> : null}
          {person.flagged ? <span className="badge badge--overdue"> Sent a change that was refused</span> : null}
          <PersonTrust person={person} onHandChair={onHandChair} />
        </li>
      ))}
    </ul>
  );
}
