import type { HandlerSlice } from './handler-table';
import { MeetingAddressAllowlist } from './meeting-address-allowlist';
import { meetingHostController } from './meeting-service';

/** One per process, like the hosted meeting: Electron's WebSocket filter reads the same list. */
export const meetingAddresses = new MeetingAddressAllowlist(() => {
  const hosting = meetingHostController.current();
  return hosting ? [hosting.signalingUrl] : [];
});

export function createConnectionHandlers(): HandlerSlice<'allowMeetingAddress'> {
  return {
    allowMeetingAddress: ({ url }) => {
      meetingAddresses.allow(url);
      return { allowed: true as const };
    },
  };
}
