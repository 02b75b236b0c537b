import { z } from 'zod';
import { isoDateTimeSchema } from './common-schemas';

/** Whose changes to reverse: everything a person changed since a time ("Undo Tom Reid's changes since 14:02"), or one History entry ("Bring back"). */
export const reversalRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('since'), person: z.string().trim().min(1).max(200), since: isoDateTimeSchema }).strict(),
  z
    .object({
      kind: z.literal('entry'),
      person: z.string().trim().min(1).max(200),
      /** The entry's oldest and newest raw history rows. */
      fromId: z.number().int().positive(),
      toId: z.number().int().positive(),
    })
    .strict()
    .refine((entry) => entry.fromId <= entry.toId, { message: 'That history entry ends before it starts' }),
]);
export type ReversalRequest = z.infer<typeof reversalRequestSchema>;

/** What an undo or a bring-back reversed, kept with it for History of changes. */
export const reversedChangesSchema = z
  .object({
    person: z.string().trim().min(1).max(200),
    since: isoDateTimeSchema.optional(),
    fromId: z.number().int().positive().optional(),
    toId: z.number().int().positive().optional(),
    /** When the brought-back entry was made. */
    at: isoDateTimeSchema.optional(),
  })
  .strict();
export type ReversedChangesInfo = z.infer<typeof reversedChangesSchema>;
