import { useId, useState, type FormEvent } from 'react';
import { CareError, LEGAL_BASIS_NEEDED, type ExportLegalBasis } from '../../../shared/contract';
import type { ExportFormat } from '../../../shared/export/export-formats';
import { formatUkDate, type CarePlanSnapshot } from '../../../shared/plan';
import { useAgreedVersions } from '../agreement/use-agreed-versions';
import { useCareApi } from '../care-api-context';
import { downloadFile } from './download-file';

/** The formats in plain words: who each one is for. */
export const exportChoices: ReadonlyArray<{ format: ExportFormat; label: string; hint: string }> = [
  { format: 'pdf', label: 'PDF for the person', hint: 'Large type and plain words, with the one-page "if I\'m unwell" sheet.' },
  { format: 'csv', label: 'Actions for spreadsheets (CSV)', hint: 'Opens in Excel, LibreOffice or Google Sheets.' },
  { format: 'ics', label: 'Actions for calendars (ICS)', hint: 'Each dated action and the next meeting as an all-day event for Outlook, Google or Apple calendars.' },
  { format: 'fhir', label: 'FHIR R4 for other record systems', hint: 'A FHIR R4 Bundle (JSON) for GP, hospital and social care systems.' },
  { format: 'md', label: 'Markdown', hint: 'The whole plan as text to paste into another record.' },
];

const legalBasisChoices: ReadonlyArray<{ value: ExportLegalBasis; label: string }> = [
  { value: 'directCare', label: 'Direct care' },
  { value: 'safeguardingOrStatutory', label: 'Safeguarding or statutory duty' },
];

interface ExportPanelProps {
  planId: string;
  /** The live plan: tells us early when consent means a legal basis is needed. */
  snapshot: CarePlanSnapshot;
}

/**
 * "Export": choose a format and a version (the current draft or an agreed version), and,
 * when the person has not given consent to share, the legal basis. Every export is
 * recorded in the plan's history by main.
 */
export function ExportPanel({ planId, snapshot }: ExportPanelProps) {
  const api = useCareApi();
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [version, setVersion] = useState<string>('draft');
  const { versions: loaded, loadProblem } = useAgreedVersions(planId);
  const versions = loaded ?? [];
  const [recipient, setRecipient] = useState('');
  const [legalBasis, setLegalBasis] = useState<ExportLegalBasis | ''>('');
  const [askedForBasis, setAskedForBasis] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const consent = snapshot.consent.status;
  const needsBasis = askedForBasis !== null || consent === 'declined' || consent === 'notYetAsked';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    if (needsBasis && legalBasis === '') {
      setProblem('Choose the legal basis for sharing this plan without consent.');
      return;
    }
    setBusy(true);
    try {
      const file = await api.exportPlan({
        planId,
        format,
        ...(version === 'draft' ? {} : { version: Number(version) }),
        ...(recipient.trim() ? { recipient: recipient.trim() } : {}),
        ...(needsBasis && legalBasis !== '' ? { legalBasis } : {}),
      });
      downloadFile(file.fileName, file.mimeType, file.base64);
      setDone(`Exported ${file.fileName} — ${file.versionLabel ?? 'DRAFT, not agreed'}.`);
    } catch (error) {
      if (error instanceof CareError && error.problems?.some((entry) => entry.path === LEGAL_BASIS_NEEDED)) {
        setAskedForBasis(error.message);
        setProblem('Choose the legal basis for sharing this plan without consent, then export again.');
      } else {
        setProblem(error instanceof CareError ? error.message : 'The export did not work. Please try again.');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="export-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Export</h2>
      <p className="section-screen__intro">Hand the plan on in the form each person or system uses. Every export is recorded in the plan's history.</p>
      <form onSubmit={(event) => void submit(event)}>
        <fieldset className="field field--group">
          <legend>What kind of file</legend>
          <ul className="checklist">
            {exportChoices.map((choice) => (
              <li key={choice.format} className="checklist__item">
                <input
                  type="radio"
                  id={`${id}-format-${choice.format}`}
                  name={`${id}-format`}
                  value={choice.format}
                  checked={format === choice.format}
                  onChange={() => setFormat(choice.format)}
                  aria-describedby={`${id}-format-${choice.format}-hint`}
                />
                <label htmlFor={`${id}-format-${choice.format}`}>{choice.label}</label>
                <span className="field__hint" id={`${id}-format-${choice.format}-hint`}>
                  {choice.hint}
                </span>
              </li>
            ))}
          </ul>
        </fieldset>

        <div className="field">
          <label htmlFor={`${id}-version`}>Which version</label>
          <select id={`${id}-version`} value={version} onChange={(event) => setVersion(event.target.value)}>
            <option value="draft">Current draft (not agreed)</option>
            {[...versions].reverse().map((entry) => (
              <option key={entry.version} value={String(entry.version)} disabled={!entry.intact}>
                Agreed version {entry.version} ({formatUkDate(entry.agreedAt.slice(0, 10))}){entry.intact ? '' : ' — failed its integrity check'}
              </option>
            ))}
          </select>
        </div>

        <div className="field">
          <label htmlFor={`${id}-recipient`}>Who is it for? (optional)</label>
          <p className="field__hint" id={`${id}-recipient-hint`}>
            An organisation or person outside the team. What the person asked not to share with them is left out, or the export is refused.
          </p>
          <input
            id={`${id}-recipient`}
            type="text"
            value={recipient}
            maxLength={200}
            aria-describedby={`${id}-recipient-hint`}
            onChange={(event) => setRecipient(event.target.value)}
          />
        </div>

        {needsBasis ? (
          <fieldset className="field field--group" aria-describedby={`${id}-basis-why`}>
            <legend>Legal basis for sharing without consent</legend>
            <p className="field__hint" id={`${id}-basis-why`}>
              {askedForBasis ??
                (consent === 'declined'
                  ? 'The person declined consent to share their plan.'
                  : 'Nobody has asked the person yet whether their plan may be shared.')}{' '}
              The basis you choose is recorded with this export.
            </p>
            <ul className="checklist">
              {legalBasisChoices.map((choice) => (
                <li key={choice.value} className="checklist__item">
                  <input
                    type="radio"
                    id={`${id}-basis-${choice.value}`}
                    name={`${id}-basis`}
                    value={choice.value}
                    checked={legalBasis === choice.value}
                    onChange={() => setLegalBasis(choice.value)}
                  />
                  <label htmlFor={`${id}-basis-${choice.value}`}>{choice.label}</label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}

        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
        {problem ?? loadProblem ? (
          <p className="field__problem" role="alert">
            {problem ?? loadProblem}
          </p>
        ) : null}
        {done ? (
          <p className="notice" role="status" data-export-done>
            {done}
          </p>
        ) : null}
      </form>
    </section>
  );
}
