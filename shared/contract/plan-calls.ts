import { z } from 'zod';
import { defineCall } from './define-call';
import { displayNameSchema, emptyInputSchema, isoDateTimeSchema, planIdSchema, updateBase64Schema } from './common-schemas';
import { limits } from './limits';
import { reversedChangesSchema } from './reversal-schemas';

export const planSummarySchema = z.object({
  id: planIdSchema,
  displayName: z.string(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  archived: z.boolean(),
  personName: z.string(),
  nhsNumber: z.string(),
  keyworker: z.string(),
  reviewDate: z.string(),
  /** Present when the plan failed its integrity check on this machine: what is wrong, in plain words. It cannot be opened for editing. */
  damage: z.array(z.string()).optional(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** Where an update came from: typed locally, or received from a peer in a meeting. */
/** Local changes that are more than an edit, recorded as such in History of changes. */
export const localActionSchema = z.enum(['restore-version', 'undo-changes', 'bring-back']);

export const updateOriginSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('local'),
      action: localActionSchema.optional(),
      /** For restore-version: which agreed version. */
      version: z.number().int().min(1).optional(),
      /** For undo-changes and bring-back: what it reversed (for History of changes). */
      reversed: reversedChangesSchema.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('peer'),
      peerName: z.string().trim().min(1).max(limits.profileFieldChars),
      peerRole: z.string().trim().max(limits.profileFieldChars),
      peerId: z.string().trim().min(1).max(100),
      /** Fingerprint of the identity key that signed it in the meeting (absent: not verified). */
      verifiedKey: z.string().regex(/^\d{5}( \d{5}){5}$/).optional(),
      /** author: the signer wrote it; deliverer: the signer passed it on and its author is not verified. */
      signedBy: z.enum(['author', 'deliverer']).optional(),
    })
    .strict(),
]);
export type UpdateOrigin = z.infer<typeof updateOriginSchema>;

export const planCalls = {
  listPlans: defineCall({
    summary: 'Every plan on this machine, newest first; archived ones only when asked.',
    input: z.object({ includeArchived: z.boolean().default(false) }).strict(),
    output: z.array(planSummarySchema),
  }),
  createPlan: defineCall({
    summary: 'Start a new, empty care plan.',
    input: z.object({ displayName: displayNameSchema, planId: planIdSchema.optional() }).strict(),
    output: planSummarySchema,
  }),
  renamePlan: defineCall({
    summary: "Change a plan's name in the plans list.",
    input: z.object({ planId: planIdSchema, displayName: displayNameSchema }).strict(),
    output: planSummarySchema,
  }),
  setPlanArchived: defineCall({
    summary: 'Archive a plan (hidden from the list, never deleted) or bring it back.',
    input: z.object({ planId: planIdSchema, archived: z.boolean() }).strict(),
    output: planSummarySchema,
  }),
  loadPlan: defineCall({
    summary: "A plan's whole merged state (snapshot plus every later update) as one Yjs update.",
    input: z.object({ planId: planIdSchema }).strict(),
    output: z.object({ planId: planIdSchema, state: z.string(), lastSeq: z.number().int().nonnegative() }),
  }),
  appendUpdate: defineCall({
    summary: 'Store one Yjs update durably; resolves only after it is committed to disk.',
    input: z
      .object({ planId: planIdSchema, update: updateBase64Schema, origin: updateOriginSchema.default({ kind: 'local' }) })
      .strict(),
    output: z.object({ seq: z.number().int().positive(), sections: z.array(z.string()) }),
  }),
  ping: defineCall({
    summary: 'Is main alive? Used by the UI to show a connection problem early.',
    input: emptyInputSchema,
    output: z.object({ version: z.string() }),
  }),
} as const;
