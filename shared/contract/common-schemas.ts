import { z } from 'zod';
import { limits } from './limits';

/** Plan ids are random UUIDs minted by main; anything else is refused. */
export const planIdSchema = z.string().uuid({ message: 'Plan id must be a UUID' }).max(limits.planId);

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Give the plan a name' })
  .max(limits.displayNameChars, { message: `A plan name can be at most ${limits.displayNameChars} characters` });

/** A Yjs update carried as base64 so every transport (IPC, WebSocket, JSON) can hold it. */
export const updateBase64Schema = z
  .string()
  .max(limits.updateBase64Chars, { message: 'This change is too large to store in one go' })
  .base64({ message: 'Update must be base64' })
  .min(4, { message: 'Update is empty' });

export const isoDateTimeSchema = z.string().datetime({ offset: true });

export const emptyInputSchema = z.object({}).strict();
