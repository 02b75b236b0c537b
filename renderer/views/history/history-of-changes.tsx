import { useCallback, useEffect, useState } from 'react';
import { CareError, type HistoryEntry } from '../../../shared/contract';
import { useCareApi } from '../care-api-context';
import { describeChange, describeOrigin, formatWhen } from './history-labels';
import { VerificationMark } from './verification-mark';

interface HistoryOfChangesProps {
  planId: string;
}

/** "Who changed this, and when?": the plan's audit trail, newest first. */
export function HistoryOfChanges({ planId }: HistoryOfChangesProps) {
  const api = useCareApi();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setProblem(null);
      setEntries(await api.getPlanHistory({ planId }));
    } catch (error) {
      setProblem(error instanceof CareError ? error.message : 'The history could not be loaded. Please try again.');
    }
  }, [api, planId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <section className="panel history" aria-labelledby="history-heading">
      <h2 id="history-heading">History of changes</h2>
      <p className="hint">Who changed this plan, what they changed and when. Newest first.</p>
      <button type="button" className="button" onClick={() => void refresh()}>
        Refresh history
      </button>
      {problem && <p role="alert">{problem}</p>}
      {entries === null && !problem && <p role="status">Loading the history…</p>}
      {entries !== null && entries.length === 0 && <p>No changes recorded yet.</p>}
      {entries !== null && entries.length > 0 && (
        <table className="history-table">
          <caption className="visually-hidden">Changes to this plan, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Role</th>
              <th scope="col">What changed</th>
              <th scope="col">Where it came from</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td>
                  <time dateTime={entry.at}>{formatWhen(entry.at)}</time>
                </td>
                <td>
                  {entry.actorName}
                  {entry.actorOrganisation && <span className="history-organisation">, {entry.actorOrganisation}</span>}
                  <VerificationMark entry={entry} />
                </td>
                <td>{entry.actorRole}</td>
                <td>{describeChange(entry)}</td>
                <td>{describeOrigin(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
