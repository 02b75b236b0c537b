import { z } from 'zod';

/** One request over the browser host's WebSocket: a contract call with a client-chosen id. */
export const hostRequestSchema = z
  .object({
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    call: z.string().max(100),
    input: z.unknown(),
  })
  .strict();

export type HostRequest = z.infer<typeof hostRequestSchema>;
