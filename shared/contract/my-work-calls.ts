import { z } from 'zod';
import { actionStatuses } from '../plan/plan-snapshot';
import { defineCall } from './define-call';
import { emptyInputSchema, planIdSchema } from './common-schemas';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const myActionRowSchema = z.object({
  planId: planIdSchema,
  planName: z.string(),
  personName: z.string(),
  actionId: z.string(),
  what: z.string(),
  dueDate: calendarDate.nullable(),
  status: z.enum(actionStatuses),
  overdue: z.boolean(),
});

export const reviewDueRowSchema = z.object({
  planId: planIdSchema,
  planName: z.string(),
  personName: z.string(),
  reviewDate: calendarDate,
  overdue: z.boolean(),
});

export const myWorkSchema = z.object({
  /** Whose actions these are (the profile's name), null before a profile exists. */
  me: z.string().nullable(),
  /** The day main counted "overdue" from. */
  today: calendarDate,
  myActions: z.array(myActionRowSchema),
  reviewsDue: z.array(reviewDueRowSchema),
});
export type MyWork = z.infer<typeof myWorkSchema>;

export const myWorkCalls = {
  listMyWork: defineCall({
    summary:
      'Across every (unarchived) plan on this machine: my open actions (owner is a care-team member with my profile name), ' +
      'overdue first; and plans whose review is due within two weeks or overdue.',
    input: emptyInputSchema,
    output: myWorkSchema,
  }),
} as const;
