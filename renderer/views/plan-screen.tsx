import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { PlanPersistence } from '../sync/plan-persistence';
import { usePlanDocument } from '../sync/use-plan-document';
import { useCareApi } from './care-api-context';
import { RelayStatusLine } from './practice-server/relay-status-line';
import { MeetingProvider } from './meeting/meeting-provider';
import { usePlanEditing } from './plan/plan-editing-context';
import { PlanHeader } from './plan/plan-header';
import { PlanNav } from './plan/plan-nav';
import { PlanStoreContext } from './plan/plan-store-context';
import { planViews, type PlanView } from './plan/plan-views';
import { LeaveUnsavedDialog, useLeaveGuard } from './plan/leave-unsaved-dialog';
import { useLeaveWarning } from './plan/use-leave-warning';
import { usePlanStoreFor } from './plan/use-plan-store';
import { SaveStatusBanner } from './save-status-banner';

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
  useLeaveWarning(state.status === 'ready' ? state.persistence : null);
  return (
    <section className="plan-screen" aria-labelledby="plan-heading">
      {state.status === 'ready' ? null : (
        <div className="plan-screen__bar">
          <button type="button" className="button" onClick={onClose}>
            Back to plans
          </button>
        </div>
      )}
      {state.status === 'loading' ? <p>Opening the plan…</p> : null}
      {state.status === 'error' ? (
        <p className="field__problem" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.status === 'ready' ? <PlanEditor planId={planId} doc={state.doc} editorName={editorName} persistence={state.persistence} onClose={onClose} /> : null}
    </section>
  );
}

interface PlanEditorProps {
  planId: string;
  doc: Y.Doc;
  editorName: string;
  persistence: PlanPersistence;
  onClose: () => void;
}

function PlanEditor({ planId, doc, editorName, persistence, onClose }: PlanEditorProps) {
  const store = usePlanStoreFor(doc, editorName);
  const [viewKey, setViewKey] = useState(planViews[0]?.key ?? 'house');
  const viewArea = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const view = planViews.find((candidate) => candidate.key === viewKey) ?? planViews[0];
  const leaveGuard = useLeaveGuard(persistence, onClose);

  // After choosing a screen, focus its heading so keyboard and screen-reader users start there.
  useEffect(() => {
    if (!moved.current) return;
    const heading = viewArea.current?.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [viewKey]);

  const open = useCallback((key: string) => {
    moved.current = true;
    setViewKey(key);
  }, []);

  if (!store) return null;
  return (
    <MeetingProvider planId={planId} doc={doc} currentView={view?.key} onNavigate={open}>
      <PlanStoreContext.Provider value={store}>
          {/* Sticky: who the plan is for, and whether every word is saved, stay in view wherever the page is scrolled. */}
          <div className="plan-screen__bar">
            <button type="button" className="button" onClick={leaveGuard.requestClose}>
              Back to plans
            </button>
            <PlanHeader />
            <SaveStatusBanner persistence={persistence} />
            <RelayStatusLine planId={planId} />
            <LeaveUnsavedDialog guard={leaveGuard} />
          </div>
          <div className="plan-body">
            <PlanNav currentKey={view?.key} onOpen={open} />
            <div className="plan-view panel" ref={viewArea} data-plan-view={view?.key}>
              {view ? <CurrentView view={view} planId={planId} open={open} /> : null}
            </div>
          </div>
      </PlanStoreContext.Provider>
    </MeetingProvider>
  );
}

/** The chosen screen, given the current plan (screens that show the whole plan re-render with it). */
function CurrentView({ view, planId, open }: { view: PlanView; planId: string; open: (key: string) => void }) {
  const { doc, snapshot } = usePlanEditing();
  return <>{view.render({ planId, doc, snapshot, open })}</>;
}
