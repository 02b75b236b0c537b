import { z } from 'zod';
import { isCarePlanSnapshot } from '../plan/snapshot-shape';
import type { CarePlanSnapshot } from '../plan/plan-snapshot';
import { defineCall } from './define-call';
import { isoDateTimeSchema, planIdSchema } from './common-schemas';
import { limits } from './limits';

const nameText = (label: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${label} is needed` })
    .max(limits.profileFieldChars, { message: `${label} can be at most ${limits.profileFieldChars} characters` });

/** Agreed version numbers: 1, 2, 3… per plan. */
export const versionNumberSchema = z
  .number({ message: 'A version is a number: 1, 2, 3…' })
  .int({ message: 'A version is a whole number' })
  .min(1, { message: 'Versions start at 1' })
  .max(1_000_000, { message: 'There is no version that high' });

/** A SHA-256 in lower-case hex. */
export const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'A content hash is 64 hexadecimal characters' });

/** Who agreed the plan: the person themselves, or their legitimate representative (and how they are related). */
export const agreedBySchema = z.discriminatedUnion(
  'role',
  [
    z.object({ role: z.literal('the person'), name: nameText('The name of who agreed') }).strict(),
    z
      .object({
        role: z.literal('representative'),
        name: nameText('The name of who agreed'),
        relationship: nameText("The representative's relationship to the person"),
      })
      .strict(),
  ],
  { message: "Say whether the person agreed, or their representative" },
);
export type AgreedByInput = z.infer<typeof agreedBySchema>;

export const professionalPresentSchema = z
  .object({
    name: nameText('The name of each professional present'),
    role: z.string().trim().max(limits.profileFieldChars),
    /** The care-team member (ProfessionalContact.id) when picked from the plan. */
    contactId: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

/** Someone else who agreed the plan with the person: a family member, carer or advocate. */
export const otherWhoAgreedSchema = z
  .object({
    name: nameText('The name of each person who agreed'),
    relationship: z.string().trim().max(limits.profileFieldChars),
  })
  .strict();

const actorSchema = z.object({ name: z.string(), role: z.string(), organisation: z.string() });

/** One agreed version in a list: number, when, who, hash; `intact` false when it failed its integrity check. */
export const agreedVersionSummarySchema = z.object({
  version: versionNumberSchema,
  agreedAt: isoDateTimeSchema,
  contentHash: z.string(),
  intact: z.boolean(),
  /** Null when the version failed its integrity check (its details cannot be trusted). */
  agreedBy: agreedBySchema.nullable(),
  professionalsPresent: z.array(professionalPresentSchema),
  recordedBy: actorSchema.nullable(),
  /** Family, carers or advocate who agreed it too. */
  othersAgreed: z.array(otherWhoAgreedSchema),
  /** The advisory gaps it was agreed despite, and the reason recorded; null when there were none. */
  goingAhead: z.object({ despite: z.array(z.string()), reason: z.string() }).nullable(),
});
export type AgreedVersionSummary = z.infer<typeof agreedVersionSummarySchema>;

export const planSnapshotSchema = z.custom<CarePlanSnapshot>((value) => isCarePlanSnapshot(value), { message: 'Not a care plan' });

/** Which plan state to compare: an agreed version's number, or 'current' for the live draft. */
export const planVersionRefSchema = z.union([versionNumberSchema, z.literal('current')]);
export type PlanVersionRef = z.infer<typeof planVersionRefSchema>;

export const planChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'restored', 'changed', 'reordered']),
  text: z.string(),
  itemId: z.string().optional(),
});

export const planSectionChangesSchema = z.object({ section: z.string(), title: z.string(), changes: z.array(planChangeSchema) });

export const agreementCalls = {
  agreePlan: defineCall({
    summary:
      'Agree the plan as it is now: refused while blocking problems remain, or advisory gaps remain with no reason given; ' +
      'a plan identical to the last agreed version creates nothing; otherwise stored as the next numbered, immutable version.',
    input: z
      .object({
        planId: planIdSchema,
        agreedBy: agreedBySchema,
        professionalsPresent: z
          .array(professionalPresentSchema)
          .min(1, { message: 'Tick at least one professional who was present' })
          .max(50, { message: 'At most 50 professionals can be listed' }),
        /** Family members, carers or an advocate who agreed it with the person. */
        othersAgreed: z.array(otherWhoAgreedSchema).max(50, { message: 'At most 50 other people can be listed' }).default([]),
        /** Needed when the plan has advisory gaps (no goals, no contingency plan, consent not asked): why agree anyway. */
        reasonForGoingAhead: z.string().trim().max(limits.profileFieldChars * 5).optional(),
        /** The content hash of the plan the user was looking at; refused (conflict) if the plan has changed since. */
        expectedStateHash: contentHashSchema.optional(),
      })
      .strict(),
    /** `created` is false when the plan is identical to the last agreed version: nothing new is stored. */
    output: agreedVersionSummarySchema.extend({ created: z.boolean() }),
  }),
  listAgreedVersions: defineCall({
    summary: 'Every agreed version of a plan, oldest first, each checked for tampering.',
    input: z.object({ planId: planIdSchema }).strict(),
    output: z.array(agreedVersionSummarySchema),
  }),
  getAgreedVersion: defineCall({
    summary: 'One agreed version as it was agreed, for a read-only view; refused if it fails its integrity check.',
    input: z.object({ planId: planIdSchema, version: versionNumberSchema }).strict(),
    output: agreedVersionSummarySchema.extend({ snapshot: planSnapshotSchema }),
  }),
  diffPlanVersions: defineCall({
    summary: "What changed between two versions of a plan (an agreed version's number, or 'current'), in plain words per section.",
    input: z.object({ planId: planIdSchema, from: planVersionRefSchema, to: planVersionRefSchema }).strict(),
    output: z.object({
      fromLabel: z.string(),
      toLabel: z.string(),
      total: z.number().int().nonnegative(),
      sections: z.array(planSectionChangesSchema),
    }),
  }),
} as const;
