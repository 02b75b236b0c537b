import { z } from 'zod';
import { exportFormats } from '../export/export-formats';
import { defineCall } from './define-call';
import { planIdSchema } from './common-schemas';
import { versionNumberSchema } from './agreement-calls';
import { limits } from './limits';

/** Largest export handed across in one reply (a whole plan as PDF is a few hundred KB). */
export const EXPORT_MAX_BYTES = 8 * 1024 * 1024;

/** Lawful bases for sharing without the person's consent (care-plan.md section 9). */
export const exportLegalBases = ['directCare', 'safeguardingOrStatutory'] as const;
export type ExportLegalBasis = (typeof exportLegalBases)[number];

/**
 * The `problems` path of the 'refused' error that means "give the legal basis first":
 * the Export panel turns it into the legal-basis question instead of a dead end.
 */
export const LEGAL_BASIS_NEEDED = 'legalBasis';

export const exportCalls = {
  exportPlan: defineCall({
    summary:
      'The plan (current draft, or an agreed version) as a file in one format. Without consent to share, a legal basis is needed. Every export is recorded.',
    input: z
      .object({
        planId: planIdSchema,
        /** An agreed version's number; left out for the current draft. */
        version: versionNumberSchema.optional(),
        format: z.enum(exportFormats, { message: `Format must be one of ${exportFormats.join(', ')}` }),
        /** Who it is for, when it leaves the team: the person's sharing limits are applied. */
        recipient: z.string().trim().max(limits.profileFieldChars).optional(),
        legalBasis: z.enum(exportLegalBases, { message: 'Legal basis must be direct care, or safeguarding or statutory duty' }).optional(),
        /** Calendar (ics) only: also write each dated action as a to-do, beside its event. */
        calendarTodos: z.boolean().optional(),
      })
      .strict()
      .refine((input) => input.calendarTodos !== true || input.format === 'ics', { message: 'To-dos can only be added to a calendar (ics) export', path: ['calendarTodos'] }),
    output: z.object({
      fileName: z.string().max(200),
      mimeType: z.string(),
      base64: z.string().max(Math.ceil(EXPORT_MAX_BYTES / 3) * 4),
      bytes: z.number().int().nonnegative(),
      /** 'Agreed version 2 (2026-11-23)', or null for the draft. */
      versionLabel: z.string().nullable(),
    }),
  }),
} as const;
