import { useId, useState, type FormEvent } from 'react';
import { createItem, isLive, validateCalendarDate, type Meeting } from '../../../shared/plan';
import { PersonRefOptionGroups } from '../fields/person-ref-option-groups';
import { decodePersonRef, describePersonRef } from '../fields/person-ref-options';
import { usePlanEditing } from '../plan/plan-editing-context';

/** Actions agreed in the meeting: one row each (what / who / by when), straight into the plan's action list. */
export function NewActions({ meeting }: { meeting: Meeting }) {
  const { doc, snapshot, editContext } = usePlanEditing();
  const id = useId();
  const [what, setWhat] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const agreedHere = snapshot.actions.filter((action) => isLive(action) && action.agreedAtMeetingId === meeting.id);

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!what.trim()) return setProblem('Say what will happen.');
    if (!owner) return setProblem(`Say who will do it: ${what.trim()}.`);
    if (due && validateCalendarDate(due)) return setProblem(validateCalendarDate(due));
    setProblem(null);
    createItem(
      doc,
      ['actions'],
      { what: what.trim(), owner: decodePersonRef(owner), dueDate: due || null, status: 'open', agreedAtMeetingId: meeting.id },
      editContext(),
    );
    setWhat('');
    setOwner('');
    setDue('');
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="meeting-record__part" data-new-actions>
      <h3 id={`${id}-heading`}>Actions agreed in this meeting ({agreedHere.length})</h3>
      {agreedHere.length > 0 ? (
        <table className="history-table">
          <caption className="visually-hidden">Actions agreed in this meeting</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Who</th>
              <th scope="col">By when</th>
            </tr>
          </thead>
          <tbody>
            {agreedHere.map((action) => (
              <tr key={action.id} data-agreed-action={action.what}>
                <td>{action.what}</td>
                <td>{describePersonRef(snapshot, action.owner)}</td>
                <td>{action.dueDate ?? 'No date'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No actions agreed yet.</p>
      )}
      <form className="meeting-record__row-form" onSubmit={add} aria-label="Add an action agreed in this meeting">
        <div className="field">
          <label htmlFor={`${id}-what`}>New action: what will happen</label>
          <input id={`${id}-what`} type="text" maxLength={1000} value={what} onChange={(event) => setWhat(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-who`}>Who will do it</label>
          <select id={`${id}-who`} value={owner} onChange={(event) => setOwner(event.target.value)}>
            <option value="">Choose…</option>
            <PersonRefOptionGroups snapshot={snapshot} current={decodePersonRef(owner)} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>By when</label>
          <input id={`${id}-due`} type="date" value={due} onChange={(event) => setDue(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary">
          Add action
        </button>
        {problem ? <p className="field__problem" role="alert">{problem}</p> : null}
      </form>
      <p className="hint">Each action goes straight into the plan’s Actions, linked to this meeting.</p>
    </section>
  );
}
