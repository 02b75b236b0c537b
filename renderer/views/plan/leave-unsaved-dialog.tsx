import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlanPersistence } from '../../sync/plan-persistence';

interface LeaveGuard {
  /** Closes the plan at once when every word is on disk; otherwise asks first. */
  requestClose: () => void;
  asking: boolean;
  stay: () => void;
  leave: () => void;
}

/**
 * In-app leaving (Back to plans) asks first while something typed is not yet on disk —
 * the in-app twin of the page's beforeunload question (use-leave-warning), which only
 * covers closing the window or tab. Status is read at the moment of asking, so a save that
 * lands while the question is open does not leave a stale answer behind.
 */
export function useLeaveGuard(persistence: PlanPersistence, onClose: () => void): LeaveGuard {
  const [asking, setAsking] = useState(false);
  const requestClose = useCallback(() => {
    if (persistence.status.kind === 'saved') onClose();
    else setAsking(true);
  }, [persistence, onClose]);
  const stay = useCallback(() => setAsking(false), []);
  const leave = useCallback(() => {
    setAsking(false);
    onClose();
  }, [onClose]);
  return { requestClose, asking, stay, leave };
}

/** The question itself: staying is the default (focused, and Escape), leaving is explicit. */
export function LeaveUnsavedDialog({ guard }: { guard: LeaveGuard }) {
  const stayButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (guard.asking) stayButton.current?.focus();
  }, [guard.asking]);
  if (!guard.asking) return null;
  return (
    <div
      className="leave-unsaved"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="leave-unsaved-title"
      aria-describedby="leave-unsaved-text"
      onKeyDown={(event) => {
        if (event.key === 'Escape') guard.stay();
      }}
    >
      <p id="leave-unsaved-title" className="leave-unsaved__title">
        Some changes are not saved yet
      </p>
      <p id="leave-unsaved-text">If you leave this plan now, what was typed since the last save may be lost. Stay until the status says “All changes saved”.</p>
      <div className="leave-unsaved__buttons">
        <button type="button" className="button button--primary" ref={stayButton} onClick={guard.stay}>
          Stay on this plan
        </button>
        <button type="button" className="button" onClick={guard.leave}>
          Leave without saving
        </button>
      </div>
    </div>
  );
}
