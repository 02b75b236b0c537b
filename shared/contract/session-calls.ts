import { z } from 'zod';
import { defineCall } from './define-call';
import { emptyInputSchema } from './common-schemas';

export const sessionCalls = {
  getSessionState: defineCall({
    summary: 'Is the data unlocked? If not, why a passphrase is needed.',
    input: emptyInputSchema,
    output: z.object({
      unlocked: z.boolean(),
      /** Plain words shown on the unlock screen. */
      reason: z.string(),
      /** True when no data exists yet: the passphrase chosen now protects it. */
      firstRun: z.boolean(),
    }),
  }),
  unlockStore: defineCall({
    summary: 'Unlock the data with the passphrase (desktop app without an OS keyring).',
    input: z.object({ passphrase: z.string().min(1, { message: 'Type your passphrase' }).max(1024) }).strict(),
    output: z.object({ unlocked: z.literal(true) }),
  }),
} as const;
