import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { CareError, type PlanSummary } from '../../shared/contract';
import { formatUkDate, validateNhsNumber } from '../../shared/plan';
import { useCareApi } from './care-api-context';
import { ReviewBadge } from './review-badge';

interface PlansListProps {
  onOpen: (planId: string) => void;
  /** After the list was re-read (plans added, archived...), so "My actions" can follow. */
  onChanged?: () => void;
}

/** Every plan on this machine: create, open, rename, archive. */
export function PlansList({ onOpen, onChanged }: PlansListProps) {
  const api = useCareApi();
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setPlans(await api.listPlans({ includeArchived: showArchived }));
      onChanged?.();
    } catch (error) {
      setMessage((error as Error).message);
    }
  }, [api, showArchived, onChanged]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (action: () => Promise<unknown>) => {
    try {
      setMessage(null);
      await action();
      await refresh();
    } catch (error) {
      setMessage(error instanceof CareError ? error.message : 'That did not work. Please try again.');
    }
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const plan = await api.createPlan({ displayName: newName });
      setNewName('');
      onOpen(plan.id);
    });
  };

  const loadExamples = () =>
    void run(async () => {
      setNotice(null);
      const outcomes = await api.loadExamplePlans({});
      const added = outcomes.filter((outcome) => outcome.added).length;
      setNotice(
        added === 0
          ? 'The example plans are already here.'
          : `Added ${added} example plan${added === 1 ? '' : 's'}: ${outcomes.filter((outcome) => outcome.added).map((outcome) => outcome.displayName).join(', ')}.`,
      );
    });

  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    void run(async () => {
      await api.renamePlan({ planId: renaming.id, displayName: renaming.name });
      setRenaming(null);
    });
  };

  const query = search.trim().toLowerCase().replace(/\s+/g, ' ');
  const digits = search.replace(/\D/g, '');
  const visible = (plans ?? []).filter((plan) => {
    if (!query) return true;
    const haystack = `${plan.displayName} ${plan.personName}`.toLowerCase();
    return haystack.includes(query) || (digits.length >= 3 && plan.nhsNumber.replace(/\D/g, '').includes(digits));
  });

  return (
    <section className="panel plans" aria-labelledby="plans-heading">
      <h1 id="plans-heading">Care plans</h1>
      <form className="inline-form" onSubmit={create}>
        <div className="field">
          <label htmlFor="new-plan-name">Name for the new plan</label>
          <input id="new-plan-name" value={newName} onChange={(event) => setNewName(event.target.value)} maxLength={200} placeholder="e.g. Jill Marsh" />
        </div>
        <button type="submit" className="button button--primary">
          New plan
        </button>
        <button type="button" className="button" onClick={loadExamples}>
          Load example plans
        </button>
      </form>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="inline-form">
        <div className="field">
          <label htmlFor="plan-search">Search by name or NHS number</label>
          <input id="plan-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <div className="field field--checkbox">
          <input id="show-archived" type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          <label htmlFor="show-archived">Show archived plans</label>
        </div>
      </div>
      {message ? (
        <p className="field__problem" role="alert">
          {message}
        </p>
      ) : null}
      {plans === null ? <p>Loading plans…</p> : null}
      {plans !== null && visible.length === 0 ? <p>No plans yet. Give the new plan a name and choose New plan, or choose Load example plans to see how a plan looks.</p> : null}
      <ul className="plan-list" aria-label="Plans">
        {visible.map((plan) => (
          <li key={plan.id} className="plan-card" data-plan-id={plan.id}>
            {renaming?.id === plan.id ? (
              <form className="inline-form" onSubmit={rename}>
                <div className="field">
                  <label htmlFor={`rename-${plan.id}`}>New name for {plan.displayName}</label>
                  <input id={`rename-${plan.id}`} value={renaming.name} onChange={(event) => setRenaming({ id: plan.id, name: event.target.value })} maxLength={200} autoFocus />
                </div>
                <button type="submit" className="button button--primary">
                  Save name
                </button>
                <button type="button" className="button" onClick={() => setRenaming(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <>
                <div className="plan-card__main">
                  <h2 className="plan-card__name">{plan.displayName}</h2>
                  <dl className="plan-card__facts">
                    <dt>Person</dt>
                    <dd>{plan.personName || 'Not filled in yet'}</dd>
                    <dt>NHS number</dt>
                    <dd>
                      {plan.nhsNumber || '—'}
                      {plan.nhsNumber && validateNhsNumber(plan.nhsNumber) ? <span className="badge badge--overdue">Not a valid NHS number</span> : null}
                    </dd>
                    <dt>Keyworker</dt>
                    <dd>{plan.keyworker || '—'}</dd>
                    <dt>Review date</dt>
                    <dd>
                      {formatUkDate(plan.reviewDate) || '—'} <ReviewBadge reviewDate={plan.reviewDate} />
                    </dd>
                  </dl>
                  {plan.archived ? <p className="badge">Archived</p> : null}
                  {plan.damage ? (
                    <>
                      <p className="badge badge--overdue">
                        Damaged, so not opened: {plan.damage.join('; ')}. Restore it from a backup, or keep it as it now is.
                      </p>
                      <button
                        type="button"
                        className="button"
                        onClick={() => void run(() => api.keepDamagedPlan({ planId: plan.id }))}
                        aria-label={`Keep ${plan.displayName} as it now is`}
                      >
                        Keep as it now is
                      </button>
                    </>
                  ) : null}
                </div>
                <div className="button-row">
                  <button type="button" className="button button--primary" onClick={() => onOpen(plan.id)} aria-label={`Open ${plan.displayName}`}>
                    Open
                  </button>
                  <button type="button" className="button" onClick={() => setRenaming({ id: plan.id, name: plan.displayName })} aria-label={`Rename ${plan.displayName}`}>
                    Rename
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => void run(() => api.setPlanArchived({ planId: plan.id, archived: !plan.archived }))}
                    aria-label={`${plan.archived ? 'Restore' : 'Archive'} ${plan.displayName}`}
                  >
                    {plan.archived ? 'Restore' : 'Archive'}
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
