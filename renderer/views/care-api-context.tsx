import { createContext, useContext } from 'react';
import type { CareApi } from '../../shared/contract';

export const CareApiContext = createContext<CareApi | null>(null);

export function useCareApi(): CareApi {
  const api = useContext(CareApiContext);
  if (!api) throw new Error('useCareApi outside CareApiContext');
  return api;
}
