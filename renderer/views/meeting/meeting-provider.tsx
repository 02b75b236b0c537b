import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useActiveMeeting } from '../../sync/meeting/active-meeting';
import { useMeeting } from '../../sync/meeting/use-meeting';
import { useCareApi } from '../care-api-context';
import { FieldPresenceContext, type FieldEditor, type FieldPresence } from '../fields/field-presence';
import { CaretPresenceContext, caretPresenceFor } from './caret-presence';
import { MeetingContext, type MeetingContextValue } from './meeting-context';
import { MeetingStatusLine } from './meeting-status-line';

export interface MeetingProviderProps {
  planId: string;
  doc: Y.Doc;
  /** The plan screen being shown here (published to others; the chair's is followed). */
  currentView?: string;
  /** Called with the chair's screen when "Follow the chair" is on. */
  onNavigate?: (viewKey: string) => void;
  children: ReactNode;
}

/**
 * Wraps an open plan: runs the live meeting for it (if this window is in one), feeds the
 * fields' presence context from awareness, follows the chair, and shows a status line
 * with any warning on every screen of the plan — so moving between screens never drops
 * the connection or hides a warning.
 */
export function MeetingProvider({ planId, doc, currentView, onNavigate, children }: MeetingProviderProps) {
  const api = useCareApi();
  const active = useActiveMeeting();
  const [me, setMe] = useState<{ name: string; role: string } | null>(null);
  const [planName, setPlanName] = useState('');
  const [followChair, setFollowChair] = useState(false);
  const meeting = active?.planId === planId ? active : null;

  useEffect(() => {
    let cancelled = false;
    void api
      .getProfile({})
      .then((profile) => !cancelled && setMe(profile ? { name: profile.name, role: profile.role } : null))
      .catch(() => undefined);
    void api
      .listPlans({ includeArchived: true })
      .then((plans) => !cancelled && setPlanName(plans.find((plan) => plan.id === planId)?.displayName ?? ''))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [api, planId]);

  const certify = useCallback((sessionKey: string) => api.certifySessionKey({ sessionKey }), [api]);
  const { snapshot, session, problem } = useMeeting({ doc, planName, meeting, me, certify });

  useEffect(() => {
    session?.setViewing(currentView ?? null);
  }, [session, currentView]);

  const chairView = snapshot.chairViewing;
  useEffect(() => {
    if (followChair && chairView && chairView !== currentView) onNavigate?.(chairView);
  }, [followChair, chairView, currentView, onNavigate]);

  const presence = useMemo<FieldPresence>(() => {
    const byField = new Map<string, FieldEditor[]>();
    for (const participant of snapshot.participants) {
      if (!participant.focus) continue;
      const editors = byField.get(participant.focus) ?? [];
      editors.push({ clientId: participant.clientId, name: participant.name, role: participant.role, colour: participant.colour });
      byField.set(participant.focus, editors);
    }
    return {
      reportFocus: (fieldPath) => session?.setFocus(fieldPath),
      editorsOf: (fieldPath) => byField.get(fieldPath) ?? [],
    };
  }, [snapshot.participants, session]);

  const carets = useMemo(() => caretPresenceFor(snapshot.participants, session ? (caret) => session.setCaret(caret) : null), [snapshot.participants, session]);

  const value = useMemo<MeetingContextValue>(
    () => ({ planId, planName, meeting, snapshot, session, problem, me, followChair, setFollowChair }),
    [planId, planName, meeting, snapshot, session, problem, me, followChair],
  );

  return (
    <MeetingContext.Provider value={value}>
      <FieldPresenceContext.Provider value={presence}>
        <CaretPresenceContext.Provider value={carets}>
          {meeting ? <MeetingStatusLine /> : null}
          {children}
        </CaretPresenceContext.Provider>
      </FieldPresenceContext.Provider>
    </MeetingContext.Provider>
  );
}
