import { HeldRemovals } from './held-removals';
import { useMeetingContext } from './meeting-context';
import { meetingStatusText } from './meeting-status-text';
import { WRONG_CODE_MESSAGE } from '../../sync/meeting/join-meeting';

/** One line on every screen of a plan in a meeting: how connected we are, and any warning. */
export function MeetingStatusLine() {
  const context = useMeetingContext();
  if (!context?.meeting) return null;
  const { snapshot, session, problem, followChair, setFollowChair } = context;
  const chair = snapshot.participants.find((person) => person.chair);
  return (
    <div className="notice meeting-status" data-meeting-status={snapshot.status.kind}>
      <p aria-live="polite">
        {meetingStatusText(snapshot.status)}
      </p>
      {!snapshot.amChair && chair ? (
        <div className="field field--checkbox">
          <input id="follow-the-chair" type="checkbox" checked={followChair} onChange={(event) => setFollowChair(event.target.checked)} />
          <label htmlFor="follow-the-chair">Follow the chair</label>
          <span className="field__hint"> (show what {chair.name} is showing: for the shared screen)</span>
        </div>
      ) : null}
      <HeldRemovals held={snapshot.heldRemovals} session={session} />
      {problem ? <p role="alert">{problem}</p> : null}
      {snapshot.noOneReachable ? <p role="alert">{WRONG_CODE_MESSAGE}</p> : null}
      {snapshot.warnings.map((warning) => (
        <p key={warning.key} role="alert" className="field__problem" data-meeting-warning>
          {warning.message}{' '}
          <button type="button" className="button button--quiet" onClick={() => session?.dismissWarning(warning.key)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
