import { useSyncExternalStore } from 'react';

/**
 * The meeting this window is in, if any: chosen on one screen (join on the plans list,
 * host on a plan), used by another (the open plan's MeetingProvider). Kept outside React
 * state so moving between screens of the plan never drops the connection.
 */
export interface ActiveMeeting {
  planId: string;
  planName: string;
  signalingUrl: string;
  /** "address:port" to read out. */
  address: string;
  code: string;
  /** This machine started the meeting: it is the chair and shows the code to read out. */
  hosting: boolean;
}

let current: ActiveMeeting | null = null;
let lastLeft: ActiveMeeting | null = null;
const listeners = new Set<() => void>();

export function getActiveMeeting(): ActiveMeeting | null {
  return current;
}

export function setActiveMeeting(meeting: ActiveMeeting | null): void {
  if (meeting === null && current !== null) lastLeft = current;
  current = meeting;
  for (const listener of listeners) listener();
}

/** The meeting this window last left, so "Join meeting" can offer to rejoin it. */
export function lastLeftMeeting(): ActiveMeeting | null {
  return lastLeft;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useActiveMeeting(): ActiveMeeting | null {
  return useSyncExternalStore(subscribe, getActiveMeeting);
}

/** "carehouse://meeting?..." — what the QR code holds: enough to join and to know which plan. */
export function meetingInvitationUri(meeting: Pick<ActiveMeeting, 'address' | 'code' | 'planId'>): string {
  const query = new URLSearchParams({ address: meeting.address, code: meeting.code, plan: meeting.planId });
  return `carehouse://meeting?${query.toString()}`;
}
