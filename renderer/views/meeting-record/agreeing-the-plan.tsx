import { useId, useState, type FormEvent } from 'react';
import { meetingFields, updateItem, type Meeting } from '../../../shared/plan';
import { PlanField } from '../fields/plan-field';
import type { PlainRecord } from '../plan/plain-record';
import { usePlanEditing } from '../plan/plan-editing-context';
import { writeFromRecord } from './record-write-origin';

type Answer = '' | 'yes' | 'no';

const questions = [
  { key: 'bottomLines', label: 'Does the family’s plan meet the agencies’ bottom lines?' },
  { key: 'specific', label: 'Is it specific and time-bound (who does what by when)?' },
  { key: 'everyone', label: 'Does everyone agree to it?' },
] as const;
type QuestionKey = (typeof questions)[number]['key'];

/**
 * The explicit "agreeing the plan" step of a family group conference: the three questions
 * answered out loud, the family lead named, and the professionals' reasons if it is not
 * agreed. "Record the answers" writes them as one dated paragraph into the meeting's
 * "Agreeing the plan" (kept in the plan, so everyone sees it and the minutes carry it);
 * the field stays editable for anything else said.
 */
export function AgreeingThePlan({ meeting }: { meeting: Meeting }) {
  const { doc } = usePlanEditing();
  const id = useId();
  const [answers, setAnswers] = useState<Record<QuestionKey, Answer>>({ bottomLines: '', specific: '', everyone: '' });
  const [lead, setLead] = useState('');
  const [reasons, setReasons] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const agreed = questions.every((question) => answers[question.key] === 'yes');

  const record = (event: FormEvent) => {
    event.preventDefault();
    if (questions.some((question) => answers[question.key] === '')) return setProblem('Answer all three questions first.');
    if (agreed && !lead.trim()) return setProblem('Name the family lead.');
    if (!agreed && !reasons.trim()) return setProblem('Say why the professionals cannot agree the plan yet.');
    setProblem(null);
    const lines = [
      `Agreeing the plan: ${agreed ? 'AGREED' : 'NOT AGREED'}.`,
      ...questions.map((question) => `${question.label} ${answers[question.key] === 'yes' ? 'Yes' : 'No'}.`),
      lead.trim() ? `Family lead: ${lead.trim()}.` : '',
      reasons.trim() ? `Professionals' reasons: ${reasons.trim()}` : '',
    ].filter(Boolean);
    const before = meeting.planAgreement.trim();
    writeFromRecord(doc, () => updateItem(doc, ['meetings'], meeting.id, { planAgreement: before ? `${before}\n${lines.join('\n')}` : lines.join('\n') }));
  };

  return (
    <section className="meeting-record__part" data-agreeing-the-plan aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Agreeing the family’s plan</h3>
      <form onSubmit={record}>
        {questions.map((question) => (
          <fieldset key={question.key} className="field field--group">
            <legend>{question.label}</legend>
            <div className="button-row">
              {(['yes', 'no'] as const).map((answer) => (
                <label key={answer} className="field--checkbox">
                  <input
                    type="radio"
                    name={`${id}-${question.key}`}
                    checked={answers[question.key] === answer}
                    onChange={() => setAnswers((current) => ({ ...current, [question.key]: answer }))}
                  />
                  {answer === 'yes' ? 'Yes' : 'No'}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div className="field">
          <label htmlFor={`${id}-lead`}>Family lead</label>
          <input id={`${id}-lead`} type="text" maxLength={200} value={lead} onChange={(event) => setLead(event.target.value)} />
        </div>
        {!agreed ? (
          <div className="field">
            <label htmlFor={`${id}-reasons`}>If not agreed: the professionals’ reasons</label>
            <textarea id={`${id}-reasons`} rows={2} maxLength={2000} value={reasons} onChange={(event) => setReasons(event.target.value)} />
          </div>
        ) : null}
        <button type="submit" className="button">
          Record the answers
        </button>
        {problem ? <p className="field__problem" role="alert">{problem}</p> : null}
      </form>
      <PlanField ownerPath={['meetings', meeting.id]} ownerPattern="meetings[]" fieldKey="planAgreement" spec={meetingFields.planAgreement} owner={meeting as unknown as PlainRecord} level={3} />
    </section>
  );
}
