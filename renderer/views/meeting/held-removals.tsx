import type { MeetingSession, MeetingSnapshot } from '../../sync/meeting/meeting-session';

/**
 * A large removal someone else sent, held rather than applied (removal-hold.ts): said in
 * plain words, with the choice to accept it or keep the plan as it is.
 */
export function HeldRemovals({ held, session }: { held: MeetingSnapshot['heldRemovals']; session: MeetingSession | null }) {
  if (held.length === 0) return null;
  return (
    <>
      {held.map((removal) => (
        <div key={removal.key} role="alert" className="field__problem held-removal" data-held-removal>
          <p>
            {removal.description} It has not been applied to your plan.
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => session?.acceptRemoval(removal.key)}>
              Accept this change
            </button>
            <button type="button" className="button button--primary" onClick={() => session?.refuseRemoval(removal.key)}>
              Keep my plan as it is
            </button>
          </div>
        </div>
      ))}
    </>
  );
}
