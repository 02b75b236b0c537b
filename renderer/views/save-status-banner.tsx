import { useEffect, useState } from 'react';
import type { PlanPersistence, SaveStatus } from '../sync/plan-persistence';

/** Always says honestly whether every word is on disk. */
export function SaveStatusBanner({ persistence }: { persistence: PlanPersistence }) {
  const [status, setStatus] = useState<SaveStatus>(persistence.status);
  useEffect(() => persistence.subscribe(setStatus), [persistence]);
  const text =
    status.kind === 'saved'
      ? 'All changes saved'
      : status.kind === 'saving'
        ? 'Saving…'
        : status.kind === 'retrying'
          ? `Not saved yet — retrying (${status.message})`
          : `A change was refused: ${status.message}`;
  return (
    <p className={`save-status save-status--${status.kind}`} role="status" aria-live="polite" data-save-status={status.kind}>
      {text}
    </p>
  );
}
