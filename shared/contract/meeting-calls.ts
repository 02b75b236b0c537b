import { z } from 'zod';
import { defineCall } from './define-call';
import { displayNameSchema, emptyInputSchema, planIdSchema } from './common-schemas';
import { limits } from './limits';
import { planSummarySchema, updateOriginSchema } from './plan-calls';

/** An IPv4 or IPv6 address to listen on; names are refused (nothing to resolve, nothing to spoof). */
const listenAddressSchema = z.union([z.ipv4(), z.ipv6()]);

/** This machine's signaling server for a meeting, as the host reads it out. */
export const meetingHostingSchema = z.object({
  /** What this machine's own app connects to (ws://address:port). */
  signalingUrl: z.string(),
  listenAddress: z.string(),
  port: z.number().int().min(1).max(65535),
  /** "address:port" for each way other laptops can reach it (the LAN addresses it listens on). */
  addressesToReadOut: z.array(z.string()),
});
export type MeetingHosting = z.infer<typeof meetingHostingSchema>;

export const meetingCalls = {
  hostMeeting: defineCall({
    summary:
      'Start the meeting signaling server on this machine (or return the one already running). ' +
      'Without a listen address it listens on this machine’s first local-network address.',
    input: z
      .object({
        listenAddress: listenAddressSchema.optional(),
        port: z.number().int().min(0).max(65535).optional(),
        /**
         * The meeting's signaling key (PBKDF2 of the meeting code, base64 of 32 bytes): the
         * server admits only sockets that prove it. This machine's identity key is registered
         * with it as the chair's.
         */
        meetingKey: z.string().length(44).base64().optional(),
      })
      .strict(),
    output: meetingHostingSchema.extend({ alreadyRunning: z.boolean() }),
  }),
  stopHostingMeeting: defineCall({
    summary: 'Stop the meeting signaling server on this machine; participants keep their copies and work offline.',
    input: emptyInputSchema,
    output: z.object({ stopped: z.boolean() }),
  }),
  getMeetingHosting: defineCall({
    summary: 'The signaling server this machine is running for a meeting, if any.',
    input: emptyInputSchema,
    output: z.object({ hosting: meetingHostingSchema.nullable() }),
  }),
  receiveMeetingPlan: defineCall({
    summary:
      'Keep a plan this machine did not have, from the whole state received in a meeting: created with the ' +
      'same id and the received state stored as an update attributed to the peer it came from.',
    input: z
      .object({
        planId: planIdSchema,
        displayName: displayNameSchema,
        state: z.string().max(limits.stateBase64Chars).base64().min(4),
        origin: updateOriginSchema,
      })
      .strict(),
    output: planSummarySchema,
  }),
} as const;
