import { useEffect, useId, useState } from 'react';
import { CareError, type MyWork } from '../../../shared/contract';
import { actionStatusWords, formatUkDate } from '../../../shared/plan';
import { useCareApi } from '../care-api-context';

/**
 * For practice care planners: across every plan on this machine, "My actions" (open, owned
 * by me, overdue first) and "Reviews due" (due within two weeks, or overdue). Main answers
 * from every plan; this only shows it.
 */
export function MyWorkPanel({ onOpen, refreshKey }: { onOpen: (planId: string) => void; refreshKey: number }) {
  const api = useCareApi();
  const id = useId();
  const [work, setWork] = useState<MyWork | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    api
      .listMyWork({})
      .then((loaded) => !cancelled && setWork(loaded))
      .catch((error: unknown) => !cancelled && setProblem(error instanceof CareError ? error.message : 'Your actions and reviews could not be loaded.'));
    return () => {
      cancelled = true;
    };
  }, [api, refreshKey]);

  return (
    <div className="my-work">
      <section className="panel" aria-labelledby={`${id}-actions`} data-my-actions>
        <h2 id={`${id}-actions`}>My actions</h2>
        {problem ? (
          <p className="field__problem" role="alert">
            {problem}
          </p>
        ) : null}
        {work === null && !problem ? <p>Loading…</p> : null}
        {work && work.myActions.length === 0 ? <p>{work.me ? `No open actions for ${work.me} in any plan on this machine.` : 'Set up your profile to see your actions.'}</p> : null}
        {work && work.myActions.length > 0 ? (
          <table className="my-work__table">
            <caption className="visually-hidden">Open actions owned by {work.me}, overdue first</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">By when</th>
                <th scope="col">Status</th>
                <th scope="col">Plan</th>
              </tr>
            </thead>
            <tbody>
              {work.myActions.map((row) => (
                <tr key={`${row.planId}:${row.actionId}`} data-my-action>
                  <td dir="auto">{row.what.trim() || 'No description yet'}</td>
                  <td>
                    {formatUkDate(row.dueDate) || 'No date'} {row.overdue ? <span className="badge badge--overdue">Overdue</span> : null}
                  </td>
                  <td>{actionStatusWords[row.status]}</td>
                  <td>
                    <button type="button" className="button button--small" onClick={() => onOpen(row.planId)}>
                      <span dir="auto">{row.planName}</span>
                      <span className="visually-hidden"> (open the plan)</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section className="panel" aria-labelledby={`${id}-reviews`} data-reviews-due>
        <h2 id={`${id}-reviews`}>Reviews due</h2>
        {work && work.reviewsDue.length === 0 ? <p>No plan’s review is due in the next two weeks.</p> : null}
        {work && work.reviewsDue.length > 0 ? (
          <ul className="my-work__reviews">
            {work.reviewsDue.map((row) => (
              <li key={row.planId} data-review-due>
                <button type="button" className="button button--small" onClick={() => onOpen(row.planId)}>
                  <span dir="auto">{row.planName}</span>
                  <span className="visually-hidden"> (open the plan)</span>
                </button>{' '}
                review {formatUkDate(row.reviewDate)} {row.overdue ? <span className="badge badge--overdue">Overdue</span> : <span className="badge badge--due">Due</span>}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
