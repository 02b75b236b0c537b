import { useId } from 'react';
import { describeMeeting } from '../../../shared/export/plan-people';
import { actionStatuses, carriedForwardActions, formatUkDate } from '../../../shared/plan';
import { choiceLabel } from '../fields/choice-labels';
import { describePersonRef } from '../fields/person-ref-options';
import { usePlanEditing } from '../plan/plan-editing-context';

/** The next meeting's agenda starts here: every action still to do, carried over by itself. */
export function CarriedForwardActions() {
  const { snapshot } = usePlanEditing();
  const id = useId();
  const carried = carriedForwardActions(snapshot);
  return (
    <section aria-labelledby={id} className="carried-forward" data-carried-forward>
      <h3 id={id}>Carried over to the next meeting: open actions</h3>
      {carried.length === 0 ? (
        <p>No open actions: nothing is carried over.</p>
      ) : (
        <table className="history-table">
          <caption className="visually-hidden">Open actions carried over to the next meeting, oldest agreement first</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Who</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Agreed at</th>
            </tr>
          </thead>
          <tbody>
            {carried.map(({ action }) => (
              <tr key={action.id}>
                <td>{action.what || 'No description yet'}</td>
                <td>{describePersonRef(snapshot, action.owner)}</td>
                <td>{formatUkDate(action.dueDate) || 'No date'}</td>
                <td>{choiceLabel(action.status, actionStatuses)}</td>
                <td>{describeMeeting(snapshot, action.agreedAtMeetingId, formatUkDate) || 'Not recorded'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
