import { z } from 'zod';
import { defineCall } from './define-call';
import { planIdSchema } from './common-schemas';

/** What the user can do about a plan that failed its integrity check (see docs/tamper-evident-store.md). */
export const integrityCalls = {
  keepDamagedPlan: defineCall({
    summary:
      'The user has read what is wrong with a damaged plan and chooses to keep it as it now is: allowed only when everything in it still opens; recorded in its history.',
    input: z.object({ planId: planIdSchema }).strict(),
    output: z.object({ planId: planIdSchema, kept: z.literal(true) }),
  }),
};
