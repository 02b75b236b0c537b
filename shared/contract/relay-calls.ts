import { z } from 'zod';
import { defineCall } from './define-call';
import { emptyInputSchema, isoDateTimeSchema, planIdSchema, updateBase64Schema } from './common-schemas';

/** A relay address as people type it: ws:// or wss://, host, optional port. Several, comma-separated, for several relay processes. */
export const relayUrlSchema = z
  .string()
  .trim()
  .max(1000)
  .regex(/^wss?:\/\/[^\s,/]+(\/?)(,\s*wss?:\/\/[^\s,/]+\/?)*$/, { message: 'A practice server address looks like wss://server.example.nhs.uk:4455' });

/** The invitation code the practice gave you (letters and digits in groups). */
export const invitationCodeSchema = z
  .string()
  .trim()
  .min(8, { message: 'Type the whole invitation code' })
  .max(64, { message: 'That is longer than an invitation code' })
  .regex(/^[A-Za-z0-9-]+$/, { message: 'An invitation code has only letters, digits and dashes' });

export const relayStatusSchema = z.object({
  /** not-connected: never enrolled; syncing: enrolled, first sync not finished; online: the last sync worked; offline: it could not reach the relay; refused: the relay no longer accepts this machine. */
  state: z.enum(['not-connected', 'syncing', 'online', 'offline', 'refused']),
  relayUrl: z.string().nullable(),
  lastSyncedAt: isoDateTimeSchema.nullable(),
});
export type RelayStatus = z.infer<typeof relayStatusSchema>;

export const relayCalls = {
  getRelayStatus: defineCall({
    summary: 'Whether this machine is connected to a practice server, and when it last synced with it.',
    input: emptyInputSchema,
    output: relayStatusSchema,
  }),
  connectRelay: defineCall({
    summary: "Enrol this machine's profile with a practice server using a one-time invitation code; every plan then syncs with it.",
    input: z.object({ relayUrl: relayUrlSchema, invite: invitationCodeSchema }).strict(),
    output: z.object({ name: z.string(), role: z.string() }),
  }),
  setPlanKeptLocal: defineCall({
    summary: 'Keep one plan on this machine only (never sent to the practice server), or let it sync again.',
    input: z.object({ planId: planIdSchema, keepLocal: z.boolean() }).strict(),
    output: z.object({ planId: planIdSchema, keepLocal: z.boolean() }),
  }),
  getPlanKeptLocal: defineCall({
    summary: 'Whether one plan is kept on this machine only (never sent to the practice server).',
    input: z.object({ planId: planIdSchema }).strict(),
    output: z.object({ planId: planIdSchema, keepLocal: z.boolean() }),
  }),
  pullPlanChanges: defineCall({
    summary:
      'What main has stored for a plan that the open screen lacks (from the practice server or anywhere else), ' +
      'given the screen\'s state vector; null when nothing is new.',
    input: z.object({ planId: planIdSchema, stateVector: updateBase64Schema }).strict(),
    output: z.object({ update: z.string().nullable() }),
  }),
  listRelayHeldRemovals: defineCall({
    summary:
      'Changes from the practice server to this plan that would remove a large part of it, held (not applied) ' +
      'until the user accepts or refuses them, each in plain words.',
    input: z.object({ planId: planIdSchema }).strict(),
    output: z.object({ held: z.array(z.object({ planId: planIdSchema, description: z.string() })) }),
  }),
  decideRelayHeldRemoval: defineCall({
    summary:
      "Accept a held change from the practice server (it is applied like any other), or refuse it: the plan keeps what it said, " +
      'restored forward as a change by this user so the practice server and other machines follow.',
    input: z.object({ planId: planIdSchema, accept: z.boolean() }).strict(),
    output: z.object({ planId: planIdSchema, applied: z.boolean() }),
  }),
} as const;
