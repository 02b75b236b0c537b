import type { CallResult } from '../../shared/contract';

/** Carries one contract call to main and brings back its result; one per host kind. */
export type CallTransport = (call: string, input: unknown) => Promise<CallResult<unknown>>;
