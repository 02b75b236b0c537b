import { z } from 'zod';
import { planSectionKeys } from '../plan/plan-schema';
import { defineCall } from './define-call';
import { isoDateTimeSchema, planIdSchema } from './common-schemas';
import { reversalRequestSchema, reversedChangesSchema } from './reversal-schemas';

/** Most history rows one call returns: enough for a screen, bounded so a reply stays small. */
export const HISTORY_PAGE_MAX = 500;
export const HISTORY_PAGE_DEFAULT = 200;

/** A section a change touched: its key in the plan document and the title people read. */
export const historySectionSchema = z.object({ key: z.string(), title: z.string() });

/** One row of "History of changes": who changed what, when, and where it came from. */
export const historyEntrySchema = z.object({
  at: isoDateTimeSchema,
  /** create-plan, edit, rename-plan, archive-plan, unarchive-plan, ... */
  action: z.string(),
  /** local: typed on this machine; peer: received from someone in a meeting; system: CareHouse itself. */
  origin: z.enum(['local', 'peer', 'system']),
  sections: z.array(historySectionSchema),
  actorName: z.string(),
  actorRole: z.string(),
  actorOrganisation: z.string(),
  /** For changes received in a meeting: the peer they came from. */
  peerId: z.string().optional(),
  /** For changes received in a meeting: the fingerprint of the key that signed it; absent = not verified. */
  verifiedKey: z.string().optional(),
  /** author: the signer wrote the change; deliverer: the signer passed it on, its author not verified. */
  signedBy: z.enum(['author', 'deliverer']).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Entries per page of the readable history. */
export const HISTORY_GROUPS_MAX = 200;
export const HISTORY_GROUPS_DEFAULT = 50;

/**
 * One entry of the readable history: consecutive edits by one person to one field within a
 * few minutes are one entry ("Tom Reid changed What is most important to me, 14:02–14:05").
 */
export const historyGroupSchema = z.object({
  /** The newest raw row in the entry: a stable key. */
  id: z.number().int().positive(),
  /** The oldest raw row in the entry (with id: the rows a "Bring back" reverses). */
  firstId: z.number().int().positive(),
  /** True when the entry removed something (an item, text, a value) that "Bring back" can restore. */
  removes: z.boolean(),
  /** For an undo or a bring-back: whose changes it reversed. */
  reversed: reversedChangesSchema.optional(),
  firstAt: isoDateTimeSchema,
  lastAt: isoDateTimeSchema,
  /** How many saved changes the entry stands for. */
  count: z.number().int().positive(),
  action: z.string(),
  origin: z.enum(['local', 'peer', 'system']),
  sections: z.array(historySectionSchema),
  /** The one field changed, in the words of its label ("Due date of action “OT home visit”"); null when several. */
  field: z.string().nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  actorOrganisation: z.string(),
  /** For a refused export: who it was for. */
  recipient: z.string().optional(),
  /** For changes received in a meeting: the fingerprint of the key that signed them; absent = not verified. */
  verifiedKey: z.string().optional(),
  /** author: the signer wrote the changes; deliverer: the signer passed them on. */
  signedBy: z.enum(['author', 'deliverer']).optional(),
});
export type HistoryGroup = z.infer<typeof historyGroupSchema>;

export const historyCalls = {
  getHistoryPage: defineCall({
    summary:
      'One page of the readable history, newest first: edits grouped per person and field, optionally only one person or section; ' +
      'pass the returned `before` to reach older pages, back to the plan being created.',
    input: z
      .object({
        planId: planIdSchema,
        /** Cursor from the previous page; left out for the newest page. */
        before: z.number().int().positive().optional(),
        pageSize: z.number().int().min(1).max(HISTORY_GROUPS_MAX).default(HISTORY_GROUPS_DEFAULT),
        /** Only changes by this person (their name as shown). */
        person: z.string().trim().min(1).max(200).optional(),
        /** Only changes to this section (its key, e.g. "aboutMe"). */
        section: z.enum(planSectionKeys, { message: 'That is not a section of the plan' }).optional(),
      })
      .strict(),
    output: z.object({
      entries: z.array(historyGroupSchema),
      /** Pass as `before` for the next (older) page; null when this page reaches the start. */
      before: z.number().int().positive().nullable(),
      /** Everyone who appears anywhere in this plan's history, for the person filter. */
      people: z.array(z.string()),
    }),
  }),
  getPlanHistory: defineCall({
    summary: 'Who changed this plan, what they changed and when: the audit trail, newest first.',
    input: z
      .object({
        planId: planIdSchema,
        limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).default(HISTORY_PAGE_DEFAULT),
      })
      .strict(),
    output: z.array(historyEntrySchema),
  }),
  prepareReversal: defineCall({
    summary:
      "The one forward change that reverses a person's changes since a time, or one History entry (bring back what it removed), " +
      "keeping everyone else's: applied to the open plan by the caller, it is then saved, judged, attributed and synced like any edit.",
    input: z.object({ planId: planIdSchema, reversal: reversalRequestSchema }).strict(),
    output: z.object({
      /** The forward change (a Yjs update, base64); null when there is nothing to reverse. */
      update: z.string().nullable(),
      reversed: reversedChangesSchema,
    }),
  }),
} as const;
