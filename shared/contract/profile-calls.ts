import { z } from 'zod';
import { defineCall } from './define-call';
import { emptyInputSchema } from './common-schemas';
import { limits } from './limits';

const profileText = (label: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${label} is needed` })
    .max(limits.profileFieldChars, { message: `${label} can be at most ${limits.profileFieldChars} characters` });

/** The person using this machine: used for presence, attribution and sign-off. */
export const profileSchema = z
  .object({
    name: profileText('Your name'),
    role: profileText('Your role'),
    organisation: z.string().trim().max(limits.profileFieldChars),
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;

export const profileCalls = {
  getProfile: defineCall({
    summary: "This machine's user profile, or null on first run.",
    input: emptyInputSchema,
    output: profileSchema.nullable(),
  }),
  saveProfile: defineCall({
    summary: "Create or change this machine's user profile.",
    input: profileSchema,
    output: profileSchema,
  }),
} as const;
