import { z } from 'zod';
import { defineCall } from './define-call';
import { isoDateTimeSchema, planIdSchema } from './common-schemas';

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

export const historyCalls = {
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
} as const;
