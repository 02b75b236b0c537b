import { useEffect, useState } from 'react';
import { CareError } from '../../../shared/contract';
import { useCareApi } from '../care-api-context';

/**
 * "Keep on this machine only": a plan that must not leave this machine (e.g. a private
 * family conversation) is never offered to the practice server. Shown only on an enrolled
 * machine, next to the line that says where the plan is synced.
 */
export function KeepOnThisMachine({ planId }: { planId: string }) {
  const api = useCareApi();
  const [keepLocal, setKeepLocal] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    void api.getPlanKeptLocal({ planId }).then(
      (answer) => !stopped && setKeepLocal(answer.keepLocal),
      () => undefined,
    );
    return () => {
      stopped = true;
    };
  }, [api, planId]);

  const change = async (next: boolean) => {
    setProblem(null);
    // Shown at once (a checkbox that lags its click reads as broken); put back if main refuses.
    setKeepLocal(next);
    try {
      setKeepLocal((await api.setPlanKeptLocal({ planId, keepLocal: next })).keepLocal);
    } catch (failure) {
      setKeepLocal(!next);
      setProblem(failure instanceof CareError ? failure.message : 'That could not be changed.');
    }
  };

  if (keepLocal === null) return null;
  return (
    <div className="field field--checkbox keep-on-this-machine">
      <input id="keep-on-this-machine" type="checkbox" checked={keepLocal} onChange={(event) => void change(event.target.checked)} aria-describedby="keep-on-this-machine-hint" />
      <label htmlFor="keep-on-this-machine">Keep this plan on this machine only</label>
      <span className="field__hint" id="keep-on-this-machine-hint">
        {keepLocal ? ' (it is not sent to the practice server)' : ' (tick so it is never sent to the practice server)'}
      </span>
      {problem ? (
        <p role="alert" className="field__problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
