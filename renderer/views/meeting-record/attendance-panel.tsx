import { useId, useState, type FormEvent } from 'react';
import { createItem, isLive, meetingFields, removeItem, updateItem, type CollectionPath, type Meeting } from '../../../shared/plan';
import { useMeetingContext } from '../meeting/meeting-context';
import { PlanField } from '../fields/plan-field';
import type { PlainRecord } from '../plan/plain-record';
import { usePlanEditing } from '../plan/plan-editing-context';
import { attendeeCandidates, presentFirst, type AttendeeCandidate } from './attendee-candidates';

type ListKey = 'attendees' | 'apologies';

const sourceWords: Record<AttendeeCandidate['source'], string> = {
  person: 'the person',
  team: 'care team',
  family: 'family',
  present: 'in the live meeting',
};

/** Who came and who sent apologies: one click per person from the plan and from who is present. */
export function AttendancePanel({ meeting }: { meeting: Meeting }) {
  const { doc, snapshot, editContext } = usePlanEditing();
  const live = useMeetingContext();
  const id = useId();
  const present = [...(live?.me ? [live.me] : []), ...(live?.snapshot.participants ?? []).map(({ name, role }) => ({ name, role }))];
  const candidates = presentFirst(attendeeCandidates(snapshot, meeting, live?.meeting ? present : []));
  const [adHoc, setAdHoc] = useState({ name: '', role: '', organisation: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const pathOf = (list: ListKey) => ['meetings', meeting.id, list] as unknown as CollectionPath;

  const add = (list: ListKey, person: Pick<AttendeeCandidate, 'name' | 'role' | 'organisation'> & { contactId?: string | null; source?: AttendeeCandidate['source'] }) => {
    const init = list === 'attendees' ? { name: person.name, role: person.role, organisation: person.organisation, contactId: person.contactId ?? null } : { name: person.name, role: person.role, organisation: person.organisation };
    doc.transact(() => {
      createItem(doc, pathOf(list), init as never, editContext());
      // Marking the person or a family member as here also records that they attended.
      if (list === 'attendees' && 'source' in person && person.source === 'person') updateItem(doc, ['meetings'], meeting.id, { personAttended: true });
      if (list === 'attendees' && 'source' in person && person.source === 'family') updateItem(doc, ['meetings'], meeting.id, { familyAttended: true });
    });
  };
  const addAdHoc = (event: FormEvent) => {
    event.preventDefault();
    if (!adHoc.name.trim()) return setProblem('Type the name of the person to add.');
    setProblem(null);
    add('attendees', { name: adHoc.name.trim(), role: adHoc.role.trim(), organisation: adHoc.organisation.trim() });
    setAdHoc({ name: '', role: '', organisation: '' });
  };
  const owner = meeting as unknown as PlainRecord;
  const flag = (key: 'personAttended' | 'advocateAttended' | 'familyAttended' | 'informationSharingNoticeRead') => (
    <PlanField ownerPath={['meetings', meeting.id]} ownerPattern="meetings[]" fieldKey={key} spec={meetingFields[key]} owner={owner} level={3} />
  );

  return (
    <section aria-labelledby={`${id}-heading`} className="meeting-record__part" data-attendance>
      <h3 id={`${id}-heading`}>Who is here</h3>
      {(['attendees', 'apologies'] as const).map((list) => {
        const people = meeting[list].filter(isLive);
        return (
          <div key={list}>
            <h4>{list === 'attendees' ? `Attendees (${people.length})` : `Apologies (${people.length})`}</h4>
            {people.length === 0 ? <p>{list === 'attendees' ? 'Nobody marked as here yet.' : 'No apologies.'}</p> : null}
            <ul className="meeting-record__people" data-list={list}>
              {people.map((person) => (
                <li key={person.id}>
                  <span>
                    {person.name}
                    {person.role || person.organisation ? ` — ${[person.role, person.organisation].filter(Boolean).join(', ')}` : ''}
                  </span>{' '}
                  <button type="button" className="button button--small" onClick={() => removeItem(doc, pathOf(list), person.id, editContext())}>
                    Remove {person.name}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {candidates.length > 0 ? (
        <table className="history-table" data-candidates>
          <caption>Add with one click</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">From</th>
              <th scope="col">Mark as</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((candidate) => (
              <tr key={candidate.key} data-candidate={candidate.name}>
                <td>{candidate.name}</td>
                <td>{[candidate.role, candidate.organisation].filter(Boolean).join(', ')}</td>
                <td>
                  {sourceWords[candidate.source]}
                  {candidate.present && candidate.source !== 'present' ? ', in the live meeting' : ''}
                </td>
                <td>
                  <div className="button-row">
                    <button type="button" className="button button--small" onClick={() => add('attendees', candidate)}>
                      Here: {candidate.name}
                    </button>
                    <button type="button" className="button button--small" onClick={() => add('apologies', candidate)}>
                      Apologies: {candidate.name}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="meeting-record__row-form" onSubmit={addAdHoc} aria-label="Add someone else who is here">
        <div className="field">
          <label htmlFor={`${id}-name`}>Someone else: name</label>
          <input id={`${id}-name`} type="text" maxLength={200} value={adHoc.name} onChange={(event) => setAdHoc({ ...adHoc, name: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Their role</label>
          <input id={`${id}-role`} type="text" maxLength={200} value={adHoc.role} onChange={(event) => setAdHoc({ ...adHoc, role: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-org`}>Their organisation</label>
          <input id={`${id}-org`} type="text" maxLength={200} value={adHoc.organisation} onChange={(event) => setAdHoc({ ...adHoc, organisation: event.target.value })} />
        </div>
        <button type="submit" className="button">
          Add to attendees
        </button>
        {problem ? <p className="field__problem" role="alert">{problem}</p> : null}
      </form>
      <div className="meeting-record__flags">
        {flag('personAttended')}
        {flag('advocateAttended')}
        {flag('familyAttended')}
      </div>
      <div className="notice" data-sharing-notice>
        <p>
          <strong>Information-sharing notice, to read out:</strong> what we say today is written into this care plan and shared with the people here, as
          agreed. You can ask to see it, and ask for anything to be kept from someone.
        </p>
        {flag('informationSharingNoticeRead')}
      </div>
    </section>
  );
}
