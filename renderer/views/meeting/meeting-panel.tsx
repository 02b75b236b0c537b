import { useState } from 'react';
import { CareError } from '../../../shared/contract';
import { lastLeftMeeting, meetingInvitationUri, setActiveMeeting } from '../../sync/meeting/active-meeting';
import { generateMeetingCode } from '../../sync/meeting/meeting-code';
import { signalingKeyBase64 } from '../../sync/meeting/signaling-auth';
import { presenceColour } from '../../sync/meeting/presence-state';
import { useCareApi } from '../care-api-context';
import { JoinMeetingForm } from './join-meeting-form';
import { useMeetingContext } from './meeting-context';
import { MeetingQrCode } from './meeting-qr-code';
import { meetingStatusText } from './meeting-status-text';
import { PresenceList } from './presence-list';

/**
 * The "Live meeting" screen of an open plan: host a meeting on this plan, or join one;
 * while in it, what to read out (address, code, QR code), who is here, "Follow the chair",
 * and "Leave meeting" (the plan stays open and keeps saving on this machine).
 */
export function MeetingPanel() {
  const api = useCareApi();
  const context = useMeetingContext();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [elsewhere, setElsewhere] = useState<string | null>(null);
  if (!context) return <p>Open a plan to hold a meeting about it.</p>;
  const { planId, planName, meeting, snapshot, me } = context;

  const host = () => {
    setBusy(true);
    setProblem(null);
    // The code is made here; the server is given only a key derived from it (signaling-auth.ts).
    const code = generateMeetingCode();
    signalingKeyBase64(code)
      .then((meetingKey) => api.hostMeeting({ meetingKey }))
      .then((hosting) => {
        const address = hosting.addressesToReadOut[0] ?? hosting.signalingUrl.replace(/^wss?:\/\//, '');
        setActiveMeeting({ planId, planName, signalingUrl: hosting.signalingUrl, address, code, hosting: true });
      })
      .catch((error: unknown) => setProblem(error instanceof CareError ? error.message : 'The meeting could not be started on this laptop.'))
      .finally(() => setBusy(false));
  };

  const stopHosting = () => {
    setActiveMeeting(null);
    void api.stopHostingMeeting({}).catch(() => undefined);
  };

  if (!meeting) {
    const previous = lastLeftMeeting();
    const rejoin = previous?.planId === planId ? previous : null;
    return (
      <section aria-labelledby="live-meeting-heading" className="meeting-panel">
        <h2 id="live-meeting-heading">Live meeting</h2>
        <p>Everyone at the meeting edits this plan together on their own laptop. Nothing goes through the internet: this laptop or the host’s runs the meeting on the local network.</p>
        <p aria-live="polite">{meetingStatusText(snapshot.status)}</p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={host} disabled={busy}>
            Host meeting
          </button>
        </div>
        {problem ? (
          <p className="field__problem" role="alert">
            {problem}
          </p>
        ) : null}
        <JoinMeetingForm
          key={rejoin ? `${rejoin.address}-${rejoin.code}` : 'join'}
          initialAddress={rejoin?.address}
          initialCode={rejoin?.code}
          openPlanId={planId}
          onJoined={(joinedPlanId) => setElsewhere(joinedPlanId === planId ? null : joinedPlanId)}
        />
        {elsewhere ? <p role="alert">That meeting is about another plan. Go back to the plans list to open it; you are connected to it there.</p> : null}
      </section>
    );
  }

  return (
    <section aria-labelledby="live-meeting-heading" className="meeting-panel">
      <h2 id="live-meeting-heading">Live meeting</h2>
      <p aria-live="polite" data-meeting-status={snapshot.status.kind}>
        {meetingStatusText(snapshot.status)}
      </p>
      <dl className="meeting-invitation">
        <dt>Meeting address</dt>
        <dd data-meeting-address>{meeting.address}</dd>
        <dt>Meeting code</dt>
        <dd data-meeting-code>{meeting.code}</dd>
      </dl>
      {meeting.hosting ? (
        <>
          <p className="field__hint">Read out the address and code, or let people scan the QR code. Anyone with both can join and edit this plan.</p>
          <MeetingQrCode value={meetingInvitationUri(meeting)} label={`QR code to join: address ${meeting.address}, code ${meeting.code}`} />
        </>
      ) : null}
      <h3>Who is here</h3>
      <PresenceList
        me={me ? { ...me, colour: presenceColour(me.name, me.role) } : null}
        participants={snapshot.participants}
        onHandChair={snapshot.amChair && context.session ? (key) => context.session?.handChairTo(key) : undefined}
      />
      {snapshot.amChair ? <p className="field__hint">You hold the chair: the shared screen follows you.</p> : null}
      <div className="button-row">
        <button type="button" className="button" onClick={() => setActiveMeeting(null)}>
          Leave meeting
        </button>
        {meeting.hosting ? (
          <button type="button" className="button button--danger" onClick={stopHosting}>
            Stop hosting
          </button>
        ) : null}
      </div>
      <p className="field__hint">After you leave, keep working: your changes are saved on this laptop and reach the others when you join again.</p>
    </section>
  );
}
