import { useEffect, useId, useState } from 'react';
import { CareError, type CallOutput } from '../../../shared/contract';
import { actionStatusLabels, goalStatusLabels } from '../../../shared/export/plain-labels';
import { describePersonRef, personFullName } from '../../../shared/export/plan-people';
import { isLive } from '../../../shared/plan';
import { useCareApi } from '../care-api-context';
import { shortHash } from './content-hash';
import { RestoreVersionButton } from './restore-version-button';

type AgreedVersion = CallOutput<'getAgreedVersion'>;

interface AgreedVersionViewProps {
  planId: string;
  version: number;
  onClose: () => void;
}

/** A past agreed version, read-only: the plan as it was agreed, never editable. */
export function AgreedVersionView({ planId, version, onClose }: AgreedVersionViewProps) {
  const api = useCareApi();
  const id = useId();
  const [found, setFound] = useState<AgreedVersion | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setFound(null);
    api
      .getAgreedVersion({ planId, version })
      .then((result) => !cancelled && setFound(result))
      .catch((error: unknown) => !cancelled && setProblem(error instanceof CareError ? error.message : 'That version could not be opened.'));
    return () => {
      cancelled = true;
    };
  }, [api, planId, version]);

  const plan = found?.snapshot;
  return (
    <section className="agreed-version" aria-labelledby={`${id}-heading`} data-agreed-version={version}>
      <h3 id={`${id}-heading`}>Agreed version {version} (read only)</h3>
      {problem ? <p role="alert" className="field__problem">{problem}</p> : null}
      {!found && !problem ? <p role="status">Opening version {version}…</p> : null}
      {found && plan ? (
        <>
          <dl className="plan-card__facts">
            <dt>Agreed on</dt>
            <dd>{found.agreedAt.slice(0, 10)}</dd>
            <dt>Agreed with</dt>
            <dd>
              {found.agreedBy
                ? `${found.agreedBy.name} (${found.agreedBy.role === 'the person' ? 'the person' : `representative: ${found.agreedBy.relationship}`})`
                : ''}
            </dd>
            <dt>Professionals present</dt>
            <dd>{found.professionalsPresent.map((entry) => (entry.role ? `${entry.name} (${entry.role})` : entry.name)).join(', ')}</dd>
            <dt>Content check</dt>
            <dd>
              <code>{shortHash(found.contentHash)}</code> — intact
            </dd>
          </dl>
          <h4>Person</h4>
          <p>{personFullName(plan)}</p>
          <h4>What is most important to me</h4>
          <p>{plan.aboutMe.whatMatters || '—'}</p>
          <h4>Goals</h4>
          <ul>
            {plan.goals.filter(isLive).map((goal) => (
              <li key={goal.id}>
                {goal.words} — {goalStatusLabels[goal.status]}
                {goal.targetDate ? `, by ${goal.targetDate}` : ''}
              </li>
            ))}
          </ul>
          <h4>Actions</h4>
          <ul>
            {plan.actions.filter(isLive).map((action) => (
              <li key={action.id}>
                {action.what} — {describePersonRef(plan, action.owner) || 'nobody yet'}
                {action.dueDate ? `, due ${action.dueDate}` : ''} ({actionStatusLabels[action.status]})
              </li>
            ))}
          </ul>
          <h4>Care team</h4>
          <ul>
            {plan.professionalContacts.filter(isLive).map((contact) => (
              <li key={contact.id}>
                {contact.name}
                {contact.role ? `, ${contact.role}` : ''}
                {contact.isKeyworker ? ' (keyworker)' : ''}
              </li>
            ))}
          </ul>
          <h4>Review</h4>
          <p>{plan.agreement.reviewDate ? `Review by ${plan.agreement.reviewDate}` : 'No review date'}</p>
        </>
      ) : null}
      {plan ? <RestoreVersionButton version={version} snapshot={plan} /> : null}
      <button type="button" className="button" onClick={onClose}>
        Close version {version}
      </button>
    </section>
  );
}
