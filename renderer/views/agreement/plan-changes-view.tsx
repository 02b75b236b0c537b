import { useEffect, useId, useState } from 'react';
import { CareError, type CallOutput, type PlanVersionRef } from '../../../shared/contract';
import { useCareApi } from '../care-api-context';

type PlanChanges = CallOutput<'diffPlanVersions'>;

interface PlanChangesViewProps {
  planId: string;
  from: PlanVersionRef;
  to: PlanVersionRef;
  /** Changes every time the plan changes, so "since the last agreed version" stays current. */
  refreshKey?: unknown;
  onClose: () => void;
}

/** "What changed": plain sentences per section between two versions of the plan. */
export function PlanChangesView({ planId, from, to, refreshKey, onClose }: PlanChangesViewProps) {
  const api = useCareApi();
  const id = useId();
  const [changes, setChanges] = useState<PlanChanges | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .diffPlanVersions({ planId, from, to })
      .then((result) => {
        if (!cancelled) {
          setProblem(null);
          setChanges(result);
        }
      })
      .catch((error: unknown) => {
        if (!cancelled) setProblem(error instanceof CareError ? error.message : 'The changes could not be worked out.');
      });
    return () => {
      cancelled = true;
    };
  }, [api, planId, from, to, refreshKey]);

  return (
    <section className="plan-changes" aria-labelledby={`${id}-heading`} data-plan-changes>
      <h3 id={`${id}-heading`}>
        What changed{changes ? `: ${changes.fromLabel} → ${changes.toLabel}` : ''}
      </h3>
      {problem ? <p role="alert" className="field__problem">{problem}</p> : null}
      {!changes && !problem ? <p role="status">Comparing…</p> : null}
      {changes && changes.total === 0 ? <p>Nothing has changed.</p> : null}
      {changes && changes.total > 0 ? (
        <>
          <p>{changes.total === 1 ? 'One change' : `${changes.total} changes`}:</p>
          {changes.sections.map((section) => (
            <div key={section.section}>
              <h4>{section.title}</h4>
              <ul>
                {section.changes.map((change, index) => (
                  <li key={`${index}:${change.text}`} data-change-kind={change.kind}>
                    {change.text}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      ) : null}
      <button type="button" className="button" onClick={onClose}>
        Close the comparison
      </button>
    </section>
  );
}
