import { useId, useState } from 'react';
import { carriedForwardActions, isLive, updateItem, type Action, type ActionStatus, type Meeting } from '../../../shared/plan';
import { describePersonRef } from '../fields/person-ref-options';
import { usePlanEditing } from '../plan/plan-editing-context';
import { writeFromRecord } from './record-write-origin';

type Outcome = 'done' | 'stillOpen' | 'dropped';

const outcomeWords: Record<Outcome, string> = { done: 'Done', stillOpen: 'Still open', dropped: 'Dropped' };

function outcomeOf(status: ActionStatus): Outcome {
  if (status === 'done') return 'done';
  if (status === 'cancelled') return 'dropped';
  return 'stillOpen';
}

/**
 * The agenda starts with the open actions carried over: each is marked done, still open
 * or dropped, with a note that is added to the action (dated, so the plan says what the
 * meeting found). The list is fixed when the record opens, so an action marked done stays
 * on screen for the rest of the meeting instead of vanishing.
 */
export function CarriedOverReview({ meeting }: { meeting: Meeting }) {
  const { doc, snapshot } = usePlanEditing();
  const id = useId();
  const [reviewIds] = useState<readonly string[]>(() =>
    carriedForwardActions(snapshot)
      .map(({ action }) => action)
      .filter((action) => action.agreedAtMeetingId !== meeting.id)
      .map((action) => action.id),
  );
  const [notes, setNotes] = useState<Record<string, string>>({});
  const actions = reviewIds.map((actionId) => snapshot.actions.find((action) => action.id === actionId)).filter((action): action is Action => !!action && isLive(action));

  const mark = (action: Action, outcome: Outcome) => {
    const note = (notes[action.id] ?? '').trim();
    const status: ActionStatus = outcome === 'done' ? 'done' : outcome === 'dropped' ? 'cancelled' : action.status === 'done' || action.status === 'cancelled' ? 'open' : action.status;
    const line = `Reviewed at the meeting on ${meeting.date ?? 'an undated meeting'}: ${outcomeWords[outcome].toLowerCase()}${note ? ` — ${note}` : ''}.`;
    writeFromRecord(doc, () => updateItem(doc, ['actions'], action.id, { status, notes: action.notes.trim() ? `${action.notes.trimEnd()}\n${line}` : line }));
    setNotes((current) => ({ ...current, [action.id]: '' }));
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="meeting-record__part" data-carried-over>
      <h3 id={`${id}-heading`}>Actions carried over ({actions.length})</h3>
      {actions.length === 0 ? <p>No open actions were carried over to this meeting.</p> : null}
      {actions.length > 0 ? (
        <table className="history-table">
          <caption className="visually-hidden">Open actions carried over, to mark done, still open or dropped</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Who</th>
              <th scope="col">Due</th>
              <th scope="col">Now</th>
              <th scope="col">Note and outcome</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.id} data-carried-action={action.what}>
                <td>{action.what || 'No description yet'}</td>
                <td>{describePersonRef(snapshot, action.owner)}</td>
                <td>{action.dueDate ?? 'No date'}</td>
                <td data-outcome={outcomeOf(action.status)}>{outcomeWords[outcomeOf(action.status)]}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`${id}-note-${action.id}`}>
                    Note on {action.what}
                  </label>
                  <input
                    id={`${id}-note-${action.id}`}
                    type="text"
                    placeholder="Note (optional)"
                    maxLength={500}
                    value={notes[action.id] ?? ''}
                    onChange={(event) => setNotes((current) => ({ ...current, [action.id]: event.target.value }))}
                  />
                  <div className="button-row">
                    {(Object.keys(outcomeWords) as Outcome[]).map((outcome) => (
                      <button key={outcome} type="button" className="button button--small" aria-label={`${outcomeWords[outcome]}: ${action.what}`} onClick={() => mark(action, outcome)}>
                        {outcomeWords[outcome]}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
