import type { z } from 'zod';

/**
 * One call between the renderer and main: its input and output schemas.
 * Everything else (handler types, the renderer client, the preload allowlist, the
 * browser host's router) is derived from these declarations, never written by hand.
 */
export interface CallDeclaration<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  readonly input: Input;
  readonly output: Output;
  /** A sentence for the reader of the contract; also shown in docs. */
  readonly summary: string;
}

export function defineCall<Input extends z.ZodType, Output extends z.ZodType>(
  declaration: CallDeclaration<Input, Output>,
): CallDeclaration<Input, Output> {
  return declaration;
}
