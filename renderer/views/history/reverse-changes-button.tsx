import { useContext, useState } from 'react';
import * as Y from 'yjs';
import { CareError, type HistoryGroup, type ReversalRequest } from '../../../shared/contract';
import { LocalActionOrigin } from '../../sync/update-origin';
import { useCareApi } from '../care-api-context';
import { PlanStoreContext } from '../plan/plan-store-context';
import { clockTime } from './history-labels';

type Kind = 'undo-changes' | 'bring-back';

/** The words of each action on a person's History entry. */
function wording(kind: Kind, entry: HistoryGroup) {
  if (kind === 'undo-changes') {
    const since = clockTime(entry.firstAt);
    return {
      button: `Undo ${entry.actorName}'s changes since ${since}`,
      question: `Undo everything ${entry.actorName} changed since ${since}? Everyone else's changes are kept. This is saved as a new change by you; nothing earlier is rewritten.`,
      yes: `Yes, undo ${entry.actorName}'s changes`,
      done: `${entry.actorName}'s changes since ${since} are undone. This is saved as a new change by you; Refresh history shows it.`,
    };
  }
  return {
    button: 'Bring back what this removed',
    question: `Bring back what ${entry.actorName} removed here? Later changes are kept. This is saved as a new change by you.`,
    yes: 'Yes, bring it back',
    done: 'Brought back. This is saved as a new change by you; Refresh history shows it.',
  };
}

/**
 * "Undo this person's changes since …" and "Bring back": main works out the ONE forward
 * change from the kept history (docs/undo-and-bring-back.md); it is applied to the open
 * plan as a local action, so it is saved, judged, attributed to this user and sent to the
 * meeting like any edit.
 */
export function ReverseChangesButton({ planId, entry, kind, onDone }: { planId: string; entry: HistoryGroup; kind: Kind; onDone: () => void }) {
  const api = useCareApi();
  const editing = useContext(PlanStoreContext);
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!editing) return null;
  const words = wording(kind, entry);
  const reversal: ReversalRequest =
    kind === 'undo-changes'
      ? { kind: 'since', person: entry.actorName, since: entry.firstAt }
      : { kind: 'entry', person: entry.actorName, fromId: entry.firstId, toId: entry.id };
  const reverse = async () => {
    setBusy(true);
    try {
      const prepared = await api.prepareReversal({ planId, reversal });
      if (prepared.update === null) {
        setStatus('Nothing to change: the plan already says this.');
      } else {
        Y.applyUpdate(editing.doc, Uint8Array.from(atob(prepared.update), (c) => c.charCodeAt(0)), new LocalActionOrigin(kind, undefined, prepared.reversed));
        setStatus(words.done);
        onDone();
      }
    } catch (error) {
      setStatus(error instanceof CareError ? error.message : 'That could not be done. Nothing was changed; please try again.');
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  if (status) return <p role="status">{status}</p>;
  return asking ? (
    <div role="group" aria-label={words.button} className="button-row">
      <p>{words.question}</p>
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void reverse()}>
        {words.yes}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  ) : (
    <button type="button" className="button" onClick={() => setAsking(true)}>
      {words.button}
    </button>
  );
}
