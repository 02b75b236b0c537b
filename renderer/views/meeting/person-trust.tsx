import { shortFingerprint } from '../../../shared/identity/key-fingerprint';
import type { MeetingParticipant } from '../../sync/meeting/meeting-session';

/**
 * Per person in "Who is here": whether they proved their key (with the fingerprint to read
 * aloud), whether they are being slowed down, and — for the chair — "Hand the chair to".
 */
export function PersonTrust({ person, onHandChair }: { person: MeetingParticipant; onHandChair: ((identityKey: string) => void) | undefined }) {
  return (
    <>
      {person.verified && person.fingerprint ? (
        <span className="meeting-person__trust" data-verified="yes" title={`Key fingerprint ${person.fingerprint}`}>
          {' '}— ✓ verified (key {shortFingerprint(person.fingerprint)})
        </span>
      ) : (
        <span className="meeting-person__trust" data-verified="no">
          {' '}— not verified
        </span>
      )}
      {person.slowedDown ? <span className="badge"> Slowed down: sending faster than this laptop takes changes in</span> : null}
      {onHandChair && person.verified && person.identityKey && !person.chair ? (
        <button type="button" className="button button--quiet" onClick={() => onHandChair(person.identityKey ?? '')}>
          Hand the chair to {person.name}
        </button>
      ) : null}
    </>
  );
}
