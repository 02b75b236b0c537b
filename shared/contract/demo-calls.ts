import { z } from 'zod';
import { defineCall } from './define-call';
import { emptyInputSchema } from './common-schemas';

/** One example plan and whether this call added it or it was already on this machine. */
export const examplePlanOutcomeSchema = z.object({
  planId: z.string(),
  displayName: z.string(),
  added: z.boolean(),
});
export type ExamplePlanOutcome = z.infer<typeof examplePlanOutcomeSchema>;

export const demoCalls = {
  loadExamplePlans: defineCall({
    summary:
      'Add the three example plans (Jill Marsh, Amir Hassan, the Okonkwo family) for demos and training. ' +
      'Idempotent: an example already on this machine is left as it is.',
    input: emptyInputSchema,
    output: z.array(examplePlanOutcomeSchema),
  }),
} as const;
