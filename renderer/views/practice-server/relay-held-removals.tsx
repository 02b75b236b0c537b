import { useCallback, useEffect, useState } from 'react';
import { CareError } from '../../../shared/contract';
import { useCareApi } from '../care-api-context';

const POLL_MS = 2_000;

/**
 * A change from the practice server that would remove a large part of this plan, held
 * rather than applied (main/relay/relay-removal-hold.ts): the same words and the same two
 * choices as a meeting peer's (views/meeting/held-removals.tsx).
 */
export function RelayHeldRemovals({ planId }: { planId: string }) {
  const api = useCareApi();
  const [held, setHeld] = useState<readonly { description: string }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setHeld((await api.listRelayHeldRemovals({ planId })).held);
    } catch {
      // The save banner already says if main is unreachable.
    }
  }, [api, planId]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const decide = async (accept: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.decideRelayHeldRemoval({ planId, accept });
    } catch (failure) {
      setProblem(failure instanceof CareError ? failure.message : 'That could not be done; your plan was not changed.');
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  if (held.length === 0 && !problem) return null;
  return (
    <>
      {held.map((removal) => (
        <div key={removal.description} role="alert" className="field__problem held-removal" data-relay-held-removal>
          <p>{removal.description} It has not been applied to your plan.</p>
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void decide(true)}>
              Accept this change
            </button>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void decide(false)}>
              Keep my plan as it is
            </button>
          </div>
        </div>
      ))}
      {problem ? (
        <p role="alert" className="field__problem">
          {problem}
        </p>
      ) : null}
    </>
  );
}
