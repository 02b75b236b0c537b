import { meetingHostController } from '../services/meeting-service';

/**
 * Starts the meeting signaling server next to the browser host (--host-meeting).
 * The server itself lives in main/sync; it is started through the same controller as the
 * "Host meeting" button, so pressing the button later shows this server instead of a second one.
 */
export interface MeetingHosting {
  url: string;
  close: () => Promise<void>;
}

export async function startMeetingHosting(host: string, port: number): Promise<MeetingHosting> {
  const hosting = await meetingHostController.start({ listenAddress: host, port });
  return { url: hosting.signalingUrl, close: async () => void (await meetingHostController.stop()) };
}
