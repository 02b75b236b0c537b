import { useState, type FormEvent } from 'react';
import { joinMeeting, type JoinOutcome } from '../../sync/meeting/join-meeting';
import { useCareApi } from '../care-api-context';

export interface JoinMeetingFormProps {
  /** The plan the meeting is about is on this machine now; open it. */
  onJoined: (planId: string) => void;
  initialAddress?: string;
  initialCode?: string;
  /** The plan open on this screen, if any (a meeting about it needs no confirmation). */
  openPlanId?: string;
}

const progressText = {
  asking: 'Finding the meeting…',
  receiving: 'Receiving the plan from the meeting…',
  saving: 'Saving the plan on this laptop…',
} as const;

/** "Join meeting": the address and code the host reads out. Works whether or not this machine has the plan. */
export function JoinMeetingForm({ onJoined, initialAddress = '', initialCode = '', openPlanId }: JoinMeetingFormProps) {
  const api = useCareApi();
  const [address, setAddress] = useState(initialAddress);
  const [code, setCode] = useState(initialCode);
  const [busy, setBusy] = useState<keyof typeof progressText | null>(null);
  const [problem, setProblem] = useState<{ field?: 'address' | 'code'; message: string } | null>(null);
  const [confirming, setConfirming] = useState<Extract<JoinOutcome, { kind: 'confirm' }> | null>(null);

  const submit = (event: FormEvent) => join(event);
  const join = (event: FormEvent | null, confirmedPlanId?: string) => {
    event?.preventDefault();
    if (busy) return;
    setProblem(null);
    setConfirming(null);
    setBusy('asking');
    void (async () => {
      try {
        const profile = await api.getProfile({});
        if (!profile) {
          setProblem({ message: 'Fill in your profile (name and role) before joining a meeting.' });
          return;
        }
        const outcome = await joinMeeting(api, address, code, { name: profile.name, role: profile.role }, setBusy, undefined, { openPlanId, confirmedPlanId });
        if (outcome.kind === 'joined') onJoined(outcome.planId);
        else if (outcome.kind === 'confirm') setConfirming(outcome);
        else setProblem({ field: outcome.field, message: outcome.message });
      } catch {
        setProblem({ message: 'Joining did not work. Check the address and code, and try again.' });
      } finally {
        setBusy(null);
      }
    })();
  };

  return (
    <form className="panel meeting-join" aria-labelledby="join-meeting-heading" onSubmit={submit}>
      <h2 id="join-meeting-heading">Join a live meeting</h2>
      <p className="field__hint">Type the address and code the meeting’s host reads out. You get the plan being discussed, even if this laptop did not have it.</p>
      <div className="inline-form">
        <div className={`field${problem?.field === 'address' ? ' field--problem' : ''}`}>
          <label htmlFor="meeting-address">Meeting address</label>
          <input
            id="meeting-address"
            value={address}
            onChange={(event) => setAddress(event.target.value)}
            placeholder="e.g. 192.168.1.20:4444"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem?.field === 'address' ? true : undefined}
            aria-describedby={problem?.field === 'address' ? 'meeting-join-problem' : undefined}
          />
        </div>
        <div className={`field${problem?.field === 'code' ? ' field--problem' : ''}`}>
          <label htmlFor="meeting-code">Meeting code</label>
          <input
            id="meeting-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            placeholder="e.g. K7QX-MRT3-A9HW"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={problem?.field === 'code' ? true : undefined}
            aria-describedby={problem?.field === 'code' ? 'meeting-join-problem' : undefined}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy !== null}>
          Join meeting
        </button>
      </div>
      {busy ? <p aria-live="polite">{progressText[busy]}</p> : null}
      {confirming ? (
        <div role="alert" className="notice" data-confirm-known-plan>
          <p>
            This meeting is about a plan already on this laptop: “{confirming.planName}”{confirming.personName ? `, for ${confirming.personName}` : ''}
            {confirming.answeredBy.length > 0 ? ` (named by ${confirming.answeredBy.join(', ')})` : ''}. Is this the plan being discussed?
          </p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => join(null, confirming.planId)}>
              Yes, open “{confirming.planName}” and join
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              No, do not join
            </button>
          </div>
        </div>
      ) : null}
      {problem ? (
        <p className="field__problem" id="meeting-join-problem" role="alert">
          {problem.message}
        </p>
      ) : null}
    </form>
  );
}
