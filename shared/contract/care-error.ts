import { z } from 'zod';

/** Error codes the UI knows how to explain. */
export const careErrorCodes = [
  'invalid-input',
  'unknown-call',
  'not-found',
  'conflict',
  'refused',
  'locked',
  /** Not saved because the disk is full: keep the change and try again (nothing saved was lost). */
  'disk-full',
  'internal',
] as const;

export type CareErrorCode = (typeof careErrorCodes)[number];

export const careErrorSchema = z.object({
  code: z.enum(careErrorCodes),
  message: z.string(),
  /** Field paths with plain-language problems, for invalid input. */
  problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export type CareErrorShape = z.infer<typeof careErrorSchema>;

/** Thrown by services and by the renderer client; carries a code the UI can show. */
export class CareError extends Error {
  readonly code: CareErrorCode;
  readonly problems: CareErrorShape['problems'];

  constructor(code: CareErrorCode, message: string, problems?: CareErrorShape['problems']) {
    super(message);
    this.name = 'CareError';
    this.code = code;
    this.problems = problems;
  }

  toShape(): CareErrorShape {
    return this.problems ? { code: this.code, message: this.message, problems: this.problems } : { code: this.code, message: this.message };
  }
}

/** What every transport carries back for one call. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CareErrorShape };
