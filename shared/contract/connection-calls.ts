import { z } from 'zod';
import { defineCall } from './define-call';

/** A meeting's signaling address as the renderer connects to it: ws(s)://host:port, nothing else. */
export const meetingAddressUrlSchema = z
  .string()
  .max(300)
  .regex(/^wss?:\/\/[^/@?#\s]+:\d{1,5}$/, 'A meeting address is ws://host:port.');

export const connectionCalls = {
  allowMeetingAddress: defineCall({
    summary:
      'Before joining a meeting: the address the user typed. The desktop app lets the window open WebSocket connections only to the meeting addresses in use (this one, and the one it hosts).',
    input: z.object({ url: meetingAddressUrlSchema }).strict(),
    output: z.object({ allowed: z.literal(true) }),
  }),
};
