import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { CareError, type AgreedVersionSummary } from '../../../shared/contract';
import { isLive, listAgreeAdvisories, listBlockingProblems, readPlanSnapshot, type CarePlanSnapshot } from '../../../shared/plan';
import { useCareApi } from '../care-api-context';
import { contentHashOf } from './content-hash';

interface AgreePanelProps {
  planId: string;
  doc: Y.Doc;
  snapshot: CarePlanSnapshot;
  onAgreed: (version: AgreedVersionSummary & { created: boolean }) => void;
}

type AgreedRole = 'the person' | 'representative';

function personName(snapshot: CarePlanSnapshot): string {
  return [snapshot.person.firstName.trim(), snapshot.person.familyName.trim()].filter(Boolean).join(' ');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * "Agree this version". The blocking problems come from the live document, so they clear
 * the moment someone fixes them; main checks again before it freezes anything.
 *
 * Who agreed (the person or their representative, and any family or carers who agreed
 * with them) is recorded only in the agreed version main stores: nothing is written into
 * the plan, so a draft can never read as agreed. Advisory gaps are shown here and need a
 * reason before agreeing; a plan identical to the last agreed version makes no new version.
 */
export function AgreePanel({ planId, doc, snapshot, onAgreed }: AgreePanelProps) {
  const api = useCareApi();
  const id = useId();
  const blocking = useMemo(() => listBlockingProblems(snapshot), [snapshot]);
  const advisories = useMemo(() => listAgreeAdvisories(snapshot), [snapshot]);
  const team = snapshot.professionalContacts.filter(isLive);
  const family = snapshot.personalContacts.filter(isLive);
  const [alsoAgreed, setAlsoAgreed] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [name, setName] = useState(() => personName(snapshot));
  const [role, setRole] = useState<AgreedRole>('the person');
  const [relationship, setRelationship] = useState('');
  const [present, setPresent] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);

  // Offer the person's name once it is known (e.g. typed in the Person screen meanwhile).
  useEffect(() => {
    setName((current) => current || personName(snapshot));
  }, [snapshot]);

  const toggleIn = (setter: typeof setPresent) => (contactId: string) =>
    setter((current) => {
      const next = new Set(current);
      if (next.has(contactId)) next.delete(contactId);
      else next.add(contactId);
      return next;
    });
  const toggle = toggleIn(setPresent);
  const toggleAlso = toggleIn(setAlsoAgreed);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setServerProblems([]);
    setDone(null);
    if (blocking.length > 0) return;
    if (!name.trim()) return setProblem('Say who agreed the plan.');
    if (role === 'representative' && !relationship.trim()) return setProblem("Say how the representative is related to the person (e.g. daughter, attorney).");
    const professionalsPresent = team
      .filter((contact) => present.has(contact.id))
      .map((contact) => ({ name: contact.name.trim() || 'Unnamed team member', role: contact.role.trim(), contactId: contact.id }));
    if (professionalsPresent.length === 0) return setProblem('Tick at least one professional who was present.');
    if (advisories.length > 0 && !reason.trim()) return setProblem('Say why the plan is being agreed with the gaps listed above.');
    const othersAgreed = family
      .filter((contact) => alsoAgreed.has(contact.id))
      .map((contact) => ({ name: contact.name.trim() || 'Unnamed contact', relationship: contact.relationship.trim() }));

    setBusy(true);
    try {
      const agreedBy = role === 'the person' ? { role, name: name.trim() } : { role, name: name.trim(), relationship: relationship.trim() };
      // Any change still typing must reach main first: a conflict means it has not yet.
      let agreed: (AgreedVersionSummary & { created: boolean }) | null = null;
      for (let attempt = 0; agreed === null; attempt += 1) {
        const expectedStateHash = await contentHashOf(readPlanSnapshot(doc));
        try {
          agreed = await api.agreePlan({
            planId,
            agreedBy,
            professionalsPresent,
            othersAgreed,
            ...(advisories.length > 0 ? { reasonForGoingAhead: reason.trim() } : {}),
            ...(expectedStateHash ? { expectedStateHash } : {}),
          });
        } catch (error) {
          if (!(error instanceof CareError) || error.code !== 'conflict' || attempt >= 10) throw error;
          await sleep(300);
        }
      }
      setDone(
        agreed.created
          ? `Agreed version ${agreed.version} is stored and can no longer be changed.`
          : `Nothing has changed since agreed version ${agreed.version}, so no new version was made.`,
      );
      onAgreed(agreed);
    } catch (error) {
      if (error instanceof CareError) {
        setProblem(error.problems?.length && error.code === 'refused' ? 'This plan cannot be agreed yet. Fix these first:' : error.message);
        setServerProblems(error.code === 'refused' ? (error.problems ?? []).map((entry) => entry.message) : []);
      } else {
        setProblem('Agreeing did not work. Please try again.');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="agree-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Agree this version</h2>
      <p className="section-screen__intro">
        When the person (or their representative) agrees the plan, it is kept as a numbered version that can never be changed.
      </p>
      {blocking.length > 0 ? (
        <div role="status" data-blocking-problems>
          <p className="section-screen__to-fix">
            {blocking.length === 1 ? 'One thing needs fixing' : `${blocking.length} things need fixing`} before the plan can be agreed:
          </p>
          <ul>
            {blocking.map((entry) => (
              <li key={`${entry.path.join('.')}:${entry.message}`}>{entry.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="notice">Nothing stops this plan being agreed.</p>
      )}
      {advisories.length > 0 ? (
        <div data-advisory-problems>
          <p className="section-screen__to-fix">Before agreeing, check {advisories.length === 1 ? 'this gap' : 'these gaps'}:</p>
          <ul>
            {advisories.map((entry) => (
              <li key={entry.message}>{entry.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Agreed with</label>
          <p className="field__hint" id={`${id}-name-hint`}>
            The name of the person, or of their representative.
          </p>
          <input id={`${id}-name`} type="text" value={name} maxLength={200} aria-describedby={`${id}-name-hint`} onChange={(event) => setName(event.target.value)} />
        </div>
        <fieldset className="field field--group">
          <legend>Role</legend>
          <ul className="checklist">
            <li className="checklist__item">
              <input type="radio" id={`${id}-role-person`} name={`${id}-role`} checked={role === 'the person'} onChange={() => setRole('the person')} />
              <label htmlFor={`${id}-role-person`}>The person</label>
            </li>
            <li className="checklist__item">
              <input type="radio" id={`${id}-role-rep`} name={`${id}-role`} checked={role === 'representative'} onChange={() => setRole('representative')} />
              <label htmlFor={`${id}-role-rep`}>Their representative</label>
            </li>
          </ul>
        </fieldset>
        {role === 'representative' ? (
          <div className="field">
            <label htmlFor={`${id}-relationship`}>Relationship to the person</label>
            <p className="field__hint" id={`${id}-relationship-hint`}>
              For example: daughter, lasting power of attorney for health and welfare, deputy.
            </p>
            <input
              id={`${id}-relationship`}
              type="text"
              value={relationship}
              maxLength={200}
              aria-describedby={`${id}-relationship-hint`}
              onChange={(event) => setRelationship(event.target.value)}
            />
          </div>
        ) : null}
        {family.length > 0 ? (
          <fieldset className="field field--group">
            <legend>Family and carers who also agreed</legend>
            <ul className="checklist">
              {family.map((contact) => (
                <li key={contact.id} className="checklist__item">
                  <input type="checkbox" id={`${id}-also-${contact.id}`} checked={alsoAgreed.has(contact.id)} onChange={() => toggleAlso(contact.id)} />
                  <label htmlFor={`${id}-also-${contact.id}`}>
                    {contact.name || 'Unnamed contact'}
                    {contact.relationship ? ` (${contact.relationship})` : ''}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        <fieldset className="field field--group">
          <legend>Professionals present</legend>
          {team.length === 0 ? <p className="field__hint">Add the care team first (Care team screen).</p> : null}
          <ul className="checklist">
            {team.map((contact) => (
              <li key={contact.id} className="checklist__item">
                <input type="checkbox" id={`${id}-present-${contact.id}`} checked={present.has(contact.id)} onChange={() => toggle(contact.id)} />
                <label htmlFor={`${id}-present-${contact.id}`}>
                  {contact.name || 'Unnamed team member'}
                  {contact.role ? ` (${contact.role})` : ''}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {advisories.length > 0 ? (
          <div className="field">
            <label htmlFor={`${id}-reason`}>Why agree it now, with these gaps</label>
            <p className="field__hint" id={`${id}-reason-hint`}>
              Recorded with the agreed version. For example: goals will be set at the review next month.
            </p>
            <textarea id={`${id}-reason`} value={reason} maxLength={1000} rows={3} aria-describedby={`${id}-reason-hint`} onChange={(event) => setReason(event.target.value)} />
          </div>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy || blocking.length > 0}>
            {busy ? 'Agreeing…' : 'Agree this version'}
          </button>
        </div>
        {problem ? (
          <div role="alert">
            <p className="field__problem">{problem}</p>
            {serverProblems.length > 0 ? (
              <ul>
                {serverProblems.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {done ? (
          <p className="notice" role="status" data-agreed>
            {done}
          </p>
        ) : null}
      </form>
    </section>
  );
}
