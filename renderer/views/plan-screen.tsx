import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { validatePlan } from '../../shared/plan';
import { usePlanDocument } from '../sync/use-plan-document';
import { useCareApi } from './care-api-context';
import { PlanEditingContext, type PlanEditing } from './plan/plan-editing-context';
import { PlanHeader } from './plan/plan-header';
import { indexProblems } from './plan/plan-problems';
import { planViews } from './plan/plan-views';
import { usePlanSnapshot } from './plan/use-plan-snapshot';
import { SaveStatusBanner } from './save-status-banner';
import { RelayStatusLine } from './practice-server/relay-status-line';
import { MeetingProvider } from './meeting/meeting-provider';

interface PlanScreenProps {
  planId: string;
  onClose: () => void;
  /** Display name of whoever is editing on this machine, stamped on items they add or remove. */
  editorName: string;
}

/** One plan, open for editing. Every keystroke is a Yjs update persisted through the contract. */
export function PlanScreen({ planId, onClose, editorName }: PlanScreenProps) {
  const api = useCareApi();
  const state = usePlanDocument(api, planId);
  return (
    <section className="plan-screen" aria-labelledby="plan-heading">
      <div className="plan-screen__bar">
        <button type="button" className="button" onClick={onClose}>
          Back to plans
        </button>
        {state.status === 'ready' ? <SaveStatusBanner persistence={state.persistence} /> : null}
        {state.status === 'ready' ? <RelayStatusLine /> : null}
      </div>
      {state.status === 'loading' ? <p>Opening the plan…</p> : null}
      {state.status === 'error' ? (
        <p className="field__problem" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.status === 'ready' ? <PlanEditor planId={planId} doc={state.doc} editorName={editorName} /> : null}
    </section>
  );
}

function PlanEditor({ planId, doc, editorName }: { planId: string; doc: Y.Doc; editorName: string }) {
  const snapshot = usePlanSnapshot(doc);
  const [viewKey, setViewKey] = useState(planViews[0]?.key ?? 'house');
  const viewArea = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const editing = useMemo<PlanEditing>(
    () => ({
      doc,
      snapshot,
      problems: indexProblems(validatePlan(snapshot)),
      editContext: () => ({ by: editorName, at: new Date().toISOString() }),
    }),
    [doc, snapshot, editorName],
  );
  const view = planViews.find((candidate) => candidate.key === viewKey) ?? planViews[0];

  // After choosing a screen, focus its heading so keyboard and screen-reader users start there.
  useEffect(() => {
    if (!moved.current) return;
    const heading = viewArea.current?.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [viewKey]);

  const open = (key: string) => {
    moved.current = true;
    setViewKey(key);
  };

  return (
    <MeetingProvider planId={planId} doc={doc} currentView={view?.key} onNavigate={open}>
      <PlanEditingContext.Provider value={editing}>
        <PlanHeader snapshot={snapshot} />
        <nav className="plan-nav" aria-label="Plan sections">
          <ul>
            {planViews.map((candidate) => (
              <li key={candidate.key}>
                <button
                  type="button"
                  className={`plan-nav__item${candidate.key === view?.key ? ' plan-nav__item--current' : ''}`}
                  aria-current={candidate.key === view?.key ? 'page' : undefined}
                  onClick={() => open(candidate.key)}
                >
                  {candidate.title}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="plan-view panel" ref={viewArea} data-plan-view={view?.key}>
          {view?.render({ planId, doc, snapshot, open })}
        </div>
      </PlanEditingContext.Provider>
    </MeetingProvider>
  );
}
