import { z } from 'zod';
import { defineCall } from './define-call';
import { planIdSchema } from './common-schemas';
import { EXPORT_MAX_BYTES } from './export-calls';

/** A meeting record's id inside the plan (the item id of plan.meetings). */
export const meetingIdSchema = z
  .string({ message: 'Say which meeting' })
  .trim()
  .min(1, { message: 'Say which meeting' })
  .max(100, { message: 'That is not a meeting id' });

/** Private family time can be a long plan in the family's own words; bounded like a long plan field. */
export const PRIVATE_NOTES_MAX_CHARS = 20_000;

export const minutesFormats = ['pdf', 'md', 'ics'] as const;
export type MinutesFormat = (typeof minutesFormats)[number];

export const meetingRecordCalls = {
  exportMinutes: defineCall({
    summary:
      "A meeting's minutes (attendees, apologies, decisions, dissent, actions with owners and dates) as PDF or Markdown, " +
      'or the next meeting as a calendar invitation (ICS). Recorded in the history.',
    input: z
      .object({
        planId: planIdSchema,
        meetingId: meetingIdSchema,
        format: z.enum(minutesFormats, { message: 'Minutes come as pdf, md, or ics (the next meeting invitation)' }),
      })
      .strict(),
    output: z.object({
      fileName: z.string().max(200),
      mimeType: z.string(),
      base64: z.string().max(Math.ceil(EXPORT_MAX_BYTES / 3) * 4),
      bytes: z.number().int().nonnegative(),
    }),
  }),
  getPrivateFamilyNotes: defineCall({
    summary:
      "The family's private notes for a family group conference, kept on THIS machine only: never in the plan, its update log, an export or a peer's copy.",
    input: z.object({ planId: planIdSchema, meetingId: meetingIdSchema }).strict(),
    output: z.object({ text: z.string(), updatedAt: z.string().nullable() }),
  }),
  savePrivateFamilyNotes: defineCall({
    summary: "Saves the family's private notes on this machine only (sealed like the rest of the store).",
    input: z
      .object({
        planId: planIdSchema,
        meetingId: meetingIdSchema,
        text: z.string().max(PRIVATE_NOTES_MAX_CHARS, { message: `Private notes can be at most ${PRIVATE_NOTES_MAX_CHARS} characters` }),
      })
      .strict(),
    output: z.object({ updatedAt: z.string() }),
  }),
} as const;
