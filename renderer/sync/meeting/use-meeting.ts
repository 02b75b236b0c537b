import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { SessionCertificate } from '../../../shared/identity';
import type { ActiveMeeting } from './active-meeting';
import { MeetingSession, type MeetingSnapshot } from './meeting-session';

export interface UseMeetingOptions {
  doc: Y.Doc;
  planName: string;
  /** The meeting to be in, or null to be offline. */
  meeting: ActiveMeeting | null;
  /** This machine's user (from getProfile); presence needs it. */
  me: { name: string; role: string } | null;
  /** main's certifySessionKey (see MeetingSessionOptions.certify). */
  certify: (sessionKey: string) => Promise<SessionCertificate>;
}

export interface MeetingState {
  snapshot: MeetingSnapshot;
  session: MeetingSession | null;
  /** Starting failed (e.g. WebRTC unavailable); the plan stays usable offline. */
  problem: string | null;
}

const offline: MeetingSnapshot = { status: { kind: 'offline' }, participants: [], warnings: [], noOneReachable: false, chairViewing: null, receivedFrom: null, amChair: false, heldRemovals: [] };
const connecting: MeetingSnapshot = { ...offline, status: { kind: 'connecting' } };
const noSubscription = () => () => undefined;

/**
 * Collaboration for React: the live meeting on one plan document, with a status of
 * connecting / connected (n peers) / offline. Presence comes through `snapshot.participants`
 * and `session` (focus, carets, what I am viewing); plan content stays in the Y.Doc.
 */
export function useMeeting({ doc, planName, meeting, me, certify }: UseMeetingOptions): MeetingState {
  const certifyRef = useRef(certify);
  certifyRef.current = certify;
  const [session, setSession] = useState<MeetingSession | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const planNameRef = useRef(planName);
  planNameRef.current = planName;
  const active = meeting !== null && me !== null && meeting.planId !== '';

  const planId = meeting?.planId;
  const signalingUrl = meeting?.signalingUrl;
  const code = meeting?.code;
  const hosting = meeting?.hosting ?? false;
  const name = me?.name;
  const role = me?.role;

  useEffect(() => {
    if (!active || !planId || !signalingUrl || !code || !name || role === undefined) return;
    let cancelled = false;
    let started: MeetingSession | null = null;
    setProblem(null);
    MeetingSession.start({
      doc,
      planId,
      planName: () => planNameRef.current,
      signalingUrl,
      code,
      me: { name, role },
      chair: hosting,
      answerLobby: true,
      certify: (sessionKey) => certifyRef.current(sessionKey),
    })
      .then((created) => {
        if (cancelled) return void created.leave();
        started = created;
        setSession(created);
      })
      .catch(() => {
        if (!cancelled) setProblem('This window could not join the meeting. The plan is still saved on this machine; try again.');
      });
    return () => {
      cancelled = true;
      setSession(null);
      if (started) void started.leave();
    };
  }, [active, doc, planId, signalingUrl, code, hosting, name, role]);

  const snapshot = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSnapshot ?? (() => (active ? connecting : offline)));
  return { snapshot: active ? snapshot : offline, session: active ? session : null, problem };
}
