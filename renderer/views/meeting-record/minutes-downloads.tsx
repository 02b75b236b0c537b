import { useId, useState } from 'react';
import { CareError, type MinutesFormat } from '../../../shared/contract';
import { useCareApi } from '../care-api-context';
import { downloadFile } from '../export/download-file';

const buttons: ReadonlyArray<{ format: MinutesFormat; label: string }> = [
  { format: 'pdf', label: 'Minutes as PDF' },
  { format: 'md', label: 'Minutes as Markdown' },
  { format: 'ics', label: 'Calendar invite for the next meeting' },
];

/** The minutes and the next meeting's invitation, made by main from the saved plan. */
export function MinutesDownloads({ planId, meetingId }: { planId: string; meetingId: string }) {
  const api = useCareApi();
  const id = useId();
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const make = async (format: MinutesFormat) => {
    setProblem(null);
    setStatus(null);
    try {
      const file = await api.exportMinutes({ planId, meetingId, format });
      downloadFile(file.fileName, file.mimeType, file.base64);
      setStatus(`Saved ${file.fileName}`);
    } catch (error) {
      setProblem(error instanceof CareError ? error.message : 'The file could not be made. Please try again.');
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="meeting-record__part" data-minutes>
      <h3 id={`${id}-heading`}>Minutes</h3>
      <p className="hint">Attendees, apologies, decisions, dissent, and actions with owners and dates, from what has been saved.</p>
      <div className="button-row">
        {buttons.map(({ format, label }) => (
          <button key={format} type="button" className="button" onClick={() => void make(format)}>
            {label}
          </button>
        ))}
      </div>
      {status ? <p role="status">{status}</p> : null}
      {problem ? <p className="field__problem" role="alert">{problem}</p> : null}
    </section>
  );
}
