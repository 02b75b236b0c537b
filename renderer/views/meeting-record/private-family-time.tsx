import { useEffect, useId, useRef, useState } from 'react';
import { CareError } from '../../../shared/contract';
import { updateItem, type Meeting } from '../../../shared/plan';
import { useCareApi } from '../care-api-context';
import { usePlanEditing } from '../plan/plan-editing-context';
import { writeFromRecord } from './record-write-origin';

type SaveState = 'loading' | 'saved' | 'saving' | 'failed';

/** How long typing pauses before the private notes are saved on this machine. */
const SAVE_AFTER_MS = 400;

/**
 * Private family time. The family's notes are NOT part of the plan document: they are
 * saved through their own calls into a separate table on this machine only, so nothing
 * typed here reaches the other computers in the meeting, the plan's update log or any
 * export. "Share with the meeting" is the family's deliberate choice: it copies the text
 * into the meeting record, attributed to the family, and only then does it travel.
 */
export function PrivateFamilyTime({ planId, meeting }: { planId: string; meeting: Meeting }) {
  const api = useCareApi();
  const { doc } = usePlanEditing();
  const id = useId();
  const [text, setText] = useState('');
  const [state, setState] = useState<SaveState>('loading');
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef('');

  useEffect(() => {
    let cancelled = false;
    void api.getPrivateFamilyNotes({ planId, meetingId: meeting.id }).then(
      (notes) => {
        if (cancelled) return;
        latest.current = notes.text;
        setText(notes.text);
        setState('saved');
      },
      () => !cancelled && setState('failed'),
    );
    return () => {
      cancelled = true;
    };
  }, [api, planId, meeting.id]);

  const save = async (value: string) => {
    try {
      await api.savePrivateFamilyNotes({ planId, meetingId: meeting.id, text: value });
      if (latest.current === value) setState('saved');
    } catch (error) {
      setState('failed');
      setProblem(error instanceof CareError ? error.message : 'The private notes could not be saved on this computer.');
    }
  };
  const onChange = (value: string) => {
    latest.current = value;
    setText(value);
    setState('saving');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(value), SAVE_AFTER_MS);
  };
  const share = async () => {
    if (!text.trim()) return setProblem('There is nothing to share yet.');
    if (timer.current) clearTimeout(timer.current);
    await save(text);
    const at = new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    writeFromRecord(doc, () =>
      updateItem(doc, ['meetings'], meeting.id, {
        privateFamilyTime: `Shared by the family at ${at}:\n${text.trim()}`,
        privateFamilyTimeShared: true,
      }),
    );
    setProblem(null);
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="meeting-record__part meeting-record__private" data-private-family-time>
      <h3 id={`${id}-heading`}>Private family time</h3>
      <p>
        These notes stay on <strong>this computer only</strong>. Nobody else in the meeting sees them, and they are not in the plan or any export, until
        the family chooses to share them.
      </p>
      <div className="field">
        <label htmlFor={`${id}-notes`}>The family’s private notes (this computer only)</label>
        <textarea id={`${id}-notes`} rows={6} maxLength={20_000} value={text} disabled={state === 'loading'} onChange={(event) => onChange(event.target.value)} />
      </div>
      <p role="status" data-private-save={state}>
        {state === 'loading' ? 'Opening the private notes…' : state === 'saving' ? 'Saving on this computer…' : state === 'saved' ? 'Saved on this computer only.' : 'Not saved.'}
      </p>
      {problem ? <p className="field__problem" role="alert">{problem}</p> : null}
      {meeting.privateFamilyTimeShared ? (
        <div className="notice" data-family-shared>
          <p>
            <strong>Shared with the meeting:</strong>
          </p>
          <p className="meeting-record__shared-text">{meeting.privateFamilyTime}</p>
        </div>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void share()}>
          {meeting.privateFamilyTimeShared ? 'Share the notes again (replaces what was shared)' : 'Share the family’s plan with the meeting'}
        </button>
      </div>
    </section>
  );
}
