import { useEffect, useState } from 'react';
import { useAgreedVersions } from '../agreement/use-agreed-versions';
import { contentHashOf } from '../agreement/content-hash';
import { usePlanStore } from '../plan/plan-store-context';
import { versionStatusOf, type VersionStatus } from './version-status';

export type { VersionStatus } from './version-status';

/**
 * Which agreed version the plan on screen is, from the real agreed versions only: the
 * current plan is "agreed version N" when its content hash is that version's, otherwise a
 * DRAFT. Hashing the whole plan waits for a pause in typing (never per keystroke).
 */
export function useVersionStatus(planId: string): VersionStatus {
  const { follower } = usePlanStore();
  const { versions } = useAgreedVersions(planId);
  const [hash, setHash] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const compute = () => {
      void contentHashOf(follower.current()).then((next) => !cancelled && setHash(next));
    };
    compute();
    const unsubscribe = follower.subscribe(() => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(compute, 500);
    });
    return () => {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
  }, [follower]);
  return versionStatusOf(versions, hash);
}
