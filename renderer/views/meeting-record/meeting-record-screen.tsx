import { useId, useState, type FormEvent } from 'react';
import { createItem, isLive, meetingFields, meetingTypes, validateCalendarDate, type Meeting, type MeetingType } from '../../../shared/plan';
import { labelOf, meetingTypeLabels } from '../../../shared/export/plain-labels';
import { PlanField } from '../fields/plan-field';
import { ItemList } from '../fields/item-list';
import { useMeetingContext } from '../meeting/meeting-context';
import type { PlainRecord } from '../plan/plain-record';
import { usePlanEditing } from '../plan/plan-editing-context';
import { AgreeingThePlan } from './agreeing-the-plan';
import { AttendancePanel } from './attendance-panel';
import { CarriedOverReview } from './carried-over-review';
import { MeetingTimer } from './meeting-timer';
import { MinutesDownloads } from './minutes-downloads';
import { NewActions } from './new-actions';
import { PrivateFamilyTime } from './private-family-time';

function todayLocal(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function meetingTitle(meeting: Meeting): string {
  return `${labelOf(meetingTypeLabels, meeting.type) || 'Meeting'}${meeting.date ? `, ${meeting.date}` : ''}`;
}

/**
 * "Run the case conference": start a meeting record from the plan and run it in order —
 * who is here, the actions carried over, the chair's items (decision, reasoning, dissent,
 * the person's view, bottom lines), the family's private time and agreeing the plan,
 * new actions, the next meeting — then the minutes.
 */
export function MeetingRecordScreen({ planId }: { planId: string }) {
  const { doc, snapshot, editContext } = usePlanEditing();
  const live = useMeetingContext();
  const id = useId();
  const meetings = snapshot.meetings.filter(isLive);
  const [openId, setOpenId] = useState<string | null>(null);
  const [kind, setKind] = useState<MeetingType>('mdt');
  const [date, setDate] = useState(todayLocal);
  const [problem, setProblem] = useState<string | null>(null);
  const meeting = meetings.find((candidate) => candidate.id === openId) ?? null;

  const start = (event: FormEvent) => {
    event.preventDefault();
    const wrong = validateCalendarDate(date);
    if (wrong) return setProblem(wrong);
    setProblem(null);
    const created = createItem(doc, ['meetings'], { date, type: kind, chair: live?.me?.name ?? '' }, editContext());
    setOpenId(created);
  };

  return (
    <div className="meeting-record" data-meeting-record={meeting?.id ?? ''}>
      <h2>Run the case conference</h2>
      {meeting === null ? (
        <>
          <form className="meeting-record__row-form" onSubmit={start} aria-labelledby={`${id}-start`}>
            <h3 id={`${id}-start`}>Start a meeting record</h3>
            <div className="field">
              <label htmlFor={`${id}-kind`}>Kind of meeting</label>
              <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as MeetingType)}>
                {meetingTypes.map((type) => (
                  <option key={type} value={type}>
                    {meetingTypeLabels[type]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-date`}>Date</label>
              <input id={`${id}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
            </div>
            <button type="submit" className="button button--primary">
              Start the meeting record
            </button>
            {problem ? <p className="field__problem" role="alert">{problem}</p> : null}
          </form>
          <section aria-labelledby={`${id}-earlier`}>
            <h3 id={`${id}-earlier`}>Meeting records</h3>
            {meetings.length === 0 ? <p>No meetings recorded yet.</p> : null}
            <ul className="meeting-record__list">
              {[...meetings].reverse().map((candidate) => (
                <li key={candidate.id}>
                  <button type="button" className="button" onClick={() => setOpenId(candidate.id)}>
                    Open {meetingTitle(candidate)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <MeetingRecord planId={planId} meeting={meeting} onClose={() => setOpenId(null)} />
      )}
    </div>
  );
}

function MeetingRecord({ planId, meeting, onClose }: { planId: string; meeting: Meeting; onClose: () => void }) {
  const owner = meeting as unknown as PlainRecord;
  const field = (key: keyof typeof meetingFields) => (
    <PlanField ownerPath={['meetings', meeting.id]} ownerPattern="meetings[]" fieldKey={key} spec={meetingFields[key]} owner={owner} level={3} />
  );
  const familyConference = meeting.type === 'familyGroupConference';
  return (
    <>
      <div className="button-row">
        <button type="button" className="button" onClick={onClose}>
          All meeting records
        </button>
      </div>
      <h3 className="meeting-record__title">{meetingTitle(meeting)}</h3>
      <MeetingTimer items={meeting.agendaItems.filter(isLive).map((item) => item.title || 'Untitled item')} />
      <section className="meeting-record__part meeting-record__details" aria-label="Meeting details">
        {field('date')}
        {field('type')}
        {field('location')}
        {field('chair')}
        {field('minuteTaker')}
      </section>
      <AttendancePanel meeting={meeting} />
      <CarriedOverReview meeting={meeting} />
      <section className="meeting-record__part" data-agenda>
        <ItemList
          collectionPath={['meetings', meeting.id, 'agendaItems']}
          collectionPattern="meetings[].agendaItems"
          spec={meetingFields.agendaItems}
          items={meeting.agendaItems}
          level={3}
        />
      </section>
      {familyConference ? (
        <>
          <PrivateFamilyTime planId={planId} meeting={meeting} />
          <AgreeingThePlan meeting={meeting} />
        </>
      ) : null}
      <NewActions meeting={meeting} />
      <section className="meeting-record__part" aria-label="When we meet next">
        {field('nextMeetingDate')}
      </section>
      <MinutesDownloads planId={planId} meetingId={meeting.id} />
    </>
  );
}
