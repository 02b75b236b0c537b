import { CareError, callNames, type CareApi } from '../../shared/contract';
import type { CallTransport } from './call-transport';

/** The typed CareApi: one method per contract call, derived from the contract's names. */
export function createCareClient(transport: CallTransport): CareApi {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of callNames) {
    client[name] = async (input: unknown) => {
      const result = await transport(name, input);
      if (!result.ok) throw new CareError(result.error.code, result.error.message, result.error.problems);
      return result.value;
    };
  }
  return client as unknown as CareApi;
}
