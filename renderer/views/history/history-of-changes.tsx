import { useCallback, useEffect, useId, useState } from 'react';
import { CareError, type HistoryGroup } from '../../../shared/contract';
import { isPlanSectionKey, planSectionKeys, sectionTitle, type PlanSectionKey } from '../../../shared/plan';
import { useCareApi } from '../care-api-context';
import { describeGroup, describeOrigin, formatSpan } from './history-labels';
import { ReverseChangesButton } from './reverse-changes-button';
import { VerificationMark } from './verification-mark';

interface HistoryOfChangesProps {
  planId: string;
}

/** Entries per page: one screen's worth, readable from across a room. */
const PAGE_SIZE = 50;

interface Page {
  entries: HistoryGroup[];
  before: number | null;
}

/**
 * "Who changed this, and when?": readable entries (one person, one field, a few minutes),
 * newest first, with filters by person and section and paging back to the very first change.
 */
export function HistoryOfChanges({ planId }: HistoryOfChangesProps) {
  const api = useCareApi();
  const id = useId();
  const [person, setPerson] = useState('');
  const [section, setSection] = useState<PlanSectionKey | ''>('');
  const [people, setPeople] = useState<string[]>([]);
  // Cursors of the pages above this one: empty on the newest page.
  const [cursors, setCursors] = useState<Array<number | undefined>>([]);
  const [cursor, setCursor] = useState<number | undefined>(undefined);
  const [page, setPage] = useState<Page | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setProblem(null);
      const result = await api.getHistoryPage({
        planId,
        pageSize: PAGE_SIZE,
        ...(cursor !== undefined ? { before: cursor } : {}),
        ...(person ? { person } : {}),
        ...(section ? { section } : {}),
      });
      setPage({ entries: result.entries, before: result.before });
      if (cursor === undefined) setPeople(result.people);
    } catch (error) {
      setProblem(error instanceof CareError ? error.message : 'The history could not be loaded. Please try again.');
    }
  }, [api, planId, cursor, person, section]);

  useEffect(() => {
    void load();
  }, [load]);

  const restart = () => {
    setCursors([]);
    setCursor(undefined);
  };
  const older = () => {
    if (!page || page.before === null) return;
    setCursors((above) => [...above, cursor]);
    setCursor(page.before);
  };
  const newer = () => {
    setCursor(cursors.at(-1));
    setCursors((above) => above.slice(0, -1));
  };

  return (
    <section className="panel history" aria-labelledby="history-heading">
      <h2 id="history-heading">History of changes</h2>
      <p className="hint">Who changed this plan, what they changed and when. Newest first.</p>
      <div className="history-filters">
        <div className="field">
          <label htmlFor={`${id}-person`}>Changes by</label>
          <select
            id={`${id}-person`}
            value={person}
            onChange={(event) => {
              setPerson(event.target.value);
              restart();
            }}
          >
            <option value="">Everyone</option>
            {people.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-section`}>Changes to</label>
          <select
            id={`${id}-section`}
            value={section}
            onChange={(event) => {
              const chosen = event.target.value;
              setSection(isPlanSectionKey(chosen) ? chosen : '');
              restart();
            }}
          >
            <option value="">Every section</option>
            {planSectionKeys.map((key) => (
              <option key={key} value={key}>
                {sectionTitle(key)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={() => (cursor === undefined ? void load() : restart())}>
          Refresh history
        </button>
      </div>
      {problem && <p role="alert">{problem}</p>}
      {page === null && !problem && <p role="status">Loading the history…</p>}
      {page !== null && page.entries.length === 0 && <p>No changes recorded{person || section ? ' that match' : ' yet'}.</p>}
      {page !== null && page.entries.length > 0 && (
        <table className="history-table" data-history-page={cursors.length + 1}>
          <caption className="visually-hidden">Changes to this plan, newest first, page {cursors.length + 1}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Role</th>
              <th scope="col">What changed</th>
              <th scope="col">Where it came from</th>
              <th scope="col">Undo or bring back</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry) => (
              <tr key={entry.id} data-history-entry>
                <td>
                  <time dateTime={entry.lastAt}>{formatSpan(entry.firstAt, entry.lastAt)}</time>
                </td>
                <td>
                  {entry.actorName}
                  {entry.actorOrganisation && <span className="history-organisation">, {entry.actorOrganisation}</span>}
                  <VerificationMark entry={entry} />
                </td>
                <td>{entry.actorRole}</td>
                <td>{describeGroup(entry)}</td>
                <td>{describeOrigin(entry)}</td>
                <td>
                  {/* A person's edits only: CareHouse's own (the example plan) are not someone's to undo. */}
                  {entry.action === 'edit' && entry.origin !== 'system' && (
                    <div className="history-actions">
                      <ReverseChangesButton planId={planId} entry={entry} kind="undo-changes" onDone={() => void load()} />
                      {entry.removes && <ReverseChangesButton planId={planId} entry={entry} kind="bring-back" onDone={() => void load()} />}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="button-row" aria-label="History pages">
        <button type="button" className="button" disabled={cursors.length === 0} onClick={newer}>
          Newer changes
        </button>
        <button type="button" className="button" disabled={!page || page.before === null} onClick={older}>
          Older changes
        </button>
      </nav>
    </section>
  );
}
