import { z } from 'zod';
import { CareError, careContract, isCallName, type CallResult } from '../../shared/contract';
import { describeFailure } from './describe-failure';
import type { HandlerTable } from './handler-table';

function problemsOf(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));
}

/**
 * The one door every call comes through, whatever the transport: unknown names are
 * refused, input is parsed with the contract's schema before any handler runs, and every
 * failure becomes a typed error the UI can show. A refused call changes nothing.
 */
export async function dispatchCall(handlers: HandlerTable, name: unknown, input: unknown): Promise<CallResult<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown-call', message: 'That request is not something CareHouse does.' } };
  }
  const declaration = careContract[name];
  const parsed = declaration.input.safeParse(input);
  if (!parsed.success) {
    const problems = problemsOf(parsed.error);
    return {
      ok: false,
      error: { code: 'invalid-input', message: problems.map((problem) => problem.message).join('; '), problems },
    };
  }
  try {
    const handler = handlers[name] as (value: unknown) => unknown;
    const value = await handler(parsed.data);
    // Checking our own output too keeps a bug in main from handing the UI a wrong shape.
    const checked = declaration.output.safeParse(value);
    if (!checked.success) {
      throw new CareError('internal', `CareHouse produced an unexpected answer for ${name}.`);
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, error: describeFailure(error) };
  }
}
