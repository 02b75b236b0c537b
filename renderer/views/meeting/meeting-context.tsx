import { createContext, useContext } from 'react';
import type { ActiveMeeting } from '../../sync/meeting/active-meeting';
import type { MeetingSession, MeetingSnapshot } from '../../sync/meeting/meeting-session';

/** What the open plan's meeting screens read: set by MeetingProvider around the plan screen. */
export interface MeetingContextValue {
  planId: string;
  planName: string;
  meeting: ActiveMeeting | null;
  snapshot: MeetingSnapshot;
  session: MeetingSession | null;
  problem: string | null;
  me: { name: string; role: string } | null;
  followChair: boolean;
  setFollowChair: (follow: boolean) => void;
}

export const MeetingContext = createContext<MeetingContextValue | null>(null);

export function useMeetingContext(): MeetingContextValue | null {
  return useContext(MeetingContext);
}
