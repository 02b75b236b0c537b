import type { MeetingStatus } from '../../sync/meeting/meeting-session';

/** The status in words, as the status line and the meeting screen say it. */
export function meetingStatusText(status: MeetingStatus): string {
  switch (status.kind) {
    case 'offline':
      return 'Not in a meeting: working offline';
    case 'connecting':
      return 'Connecting to the meeting…';
    case 'connected':
      return status.peers === 0
        ? 'In the meeting: waiting for others to join'
        : `In the meeting: connected to ${status.peers} ${status.peers === 1 ? 'other person' : 'other people'}`;
  }
}
