import type { CallName, CallOutput, ParsedCallInput } from '../../shared/contract';

/** One plain function per contract call; main/electron and the browser host both serve this table. */
export type HandlerTable = {
  [N in CallName]: (input: ParsedCallInput<N>) => Promise<CallOutput<N>> | CallOutput<N>;
};

/** A slice of the table for one contract area. */
export type HandlerSlice<N extends CallName> = Pick<HandlerTable, N>;
