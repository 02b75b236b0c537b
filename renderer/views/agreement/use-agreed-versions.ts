import { useCallback, useEffect, useState } from 'react';
import { CareError, type AgreedVersionSummary } from '../../../shared/contract';
import { useCareApi } from '../care-api-context';

export interface AgreedVersions {
  /** Oldest first; null while loading. */
  versions: AgreedVersionSummary[] | null;
  loadProblem: string | null;
  refresh: () => Promise<void>;
}

/** A plan's agreed versions, as the Agree and Export screens both list them. */
export function useAgreedVersions(planId: string): AgreedVersions {
  const api = useCareApi();
  const [versions, setVersions] = useState<AgreedVersionSummary[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      setVersions(await api.listAgreedVersions({ planId }));
      setLoadProblem(null);
    } catch (error) {
      setLoadProblem(error instanceof CareError ? error.message : 'The agreed versions could not be loaded.');
    }
  }, [api, planId]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { versions, loadProblem, refresh };
}
