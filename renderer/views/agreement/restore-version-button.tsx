import { useContext, useState } from 'react';
import type { CarePlanSnapshot } from '../../../shared/plan';
import { restorePlanSnapshot } from '../../../shared/plan/restore-plan-snapshot';
import { LocalActionOrigin } from '../../sync/update-origin';
import { PlanStoreContext } from '../plan/plan-store-context';

/**
 * "Restore this agreed version": the live plan is made to say what this version says, as
 * ONE new change by this user — saved, shown in History of changes as a restore, and sent
 * to everyone in the meeting like any edit. Nothing earlier is rewritten, so the restore
 * itself can be undone the same way (restore a later version).
 */
export function RestoreVersionButton({ version, snapshot }: { version: number; snapshot: CarePlanSnapshot }) {
  // The open plan's store (null outside an open plan, e.g. a version shown on its own).
  const editing = useContext(PlanStoreContext);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  if (!editing) return null;
  const restore = () => {
    const { doc, editContext } = editing;
    doc.transact(() => restorePlanSnapshot(doc, snapshot, editContext()), new LocalActionOrigin('restore-version', version));
    setAsking(false);
    setDone(true);
  };
  if (done) return <p role="status">The plan now says what version {version} said. This is saved as a new change; History of changes shows it.</p>;
  return asking ? (
    <div role="group" aria-label={`Restore agreed version ${version}`} className="button-row">
      <p>Make the plan say again what version {version} said? Changes made since then are kept in History of changes, and anything added since is marked removed (it can be brought back).</p>
      <button type="button" className="button button--primary" onClick={restore}>
        Yes, restore version {version}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  ) : (
    <button type="button" className="button" onClick={() => setAsking(true)}>
      Restore this agreed version
    </button>
  );
}
