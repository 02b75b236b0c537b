import { useId, useState } from 'react';
import type * as Y from 'yjs';
import type { AgreedVersionSummary, PlanVersionRef } from '../../../shared/contract';
import type { CarePlanSnapshot } from '../../../shared/plan';
import { AgreePanel } from './agree-panel';
import { agreedWithWords } from './agreed-with-words';
import { AgreedVersionView } from './agreed-version-view';
import { shortHash } from './content-hash';
import { PlanChangesView } from './plan-changes-view';
import { useAgreedVersions } from './use-agreed-versions';

interface AgreementScreenProps {
  planId: string;
  doc: Y.Doc;
  snapshot: CarePlanSnapshot;
}

type Showing = { kind: 'none' } | { kind: 'version'; version: number } | { kind: 'changes'; from: PlanVersionRef; to: PlanVersionRef };

function agreedByWords(entry: AgreedVersionSummary): string {
  return agreedWithWords(entry) ?? '—';
}

/** "Agree and versions": agree this version, the list of agreed versions, and what changed. */
export function AgreementScreen({ planId, doc, snapshot }: AgreementScreenProps) {
  const id = useId();
  const { versions, loadProblem: problem, refresh } = useAgreedVersions(planId);
  const [showing, setShowing] = useState<Showing>({ kind: 'none' });

  const latest = versions?.filter((entry) => entry.intact).at(-1);
  const close = () => setShowing({ kind: 'none' });

  return (
    <div className="agreement-screen">
      <AgreePanel planId={planId} doc={doc} snapshot={snapshot} onAgreed={() => void refresh()} />

      <section aria-labelledby={`${id}-versions`}>
        <h2 id={`${id}-versions`}>Agreed versions</h2>
        {latest ? (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setShowing({ kind: 'changes', from: latest.version, to: 'current' })}>
              What changed since the last agreed version
            </button>
          </div>
        ) : null}
        {problem ? <p role="alert" className="field__problem">{problem}</p> : null}
        {versions === null && !problem ? <p role="status">Loading the agreed versions…</p> : null}
        {versions !== null && versions.length === 0 ? <p>This plan has not been agreed yet.</p> : null}
        {versions !== null && versions.length > 0 ? (
          <table className="history-table" data-agreed-versions>
            <caption className="visually-hidden">Agreed versions of this plan, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Agreed on</th>
                <th scope="col">Agreed with</th>
                <th scope="col">Professionals present</th>
                <th scope="col">Content check</th>
                <th scope="col">Open</th>
              </tr>
            </thead>
            <tbody>
              {[...versions].reverse().map((entry) => (
                <tr key={entry.version} data-version={entry.version}>
                  <td>Version {entry.version}</td>
                  <td>
                    <time dateTime={entry.agreedAt}>{entry.agreedAt.slice(0, 10)}</time>
                  </td>
                  <td>{agreedByWords(entry)}</td>
                  <td>{entry.professionalsPresent.map((person) => person.name).join(', ')}</td>
                  <td>
                    {entry.intact ? (
                      <>
                        <code title={entry.contentHash}>{shortHash(entry.contentHash)}</code> intact
                      </>
                    ) : (
                      <strong className="field__problem">Failed its integrity check</strong>
                    )}
                  </td>
                  <td>
                    <div className="button-row">
                      <button type="button" className="button" disabled={!entry.intact} onClick={() => setShowing({ kind: 'version', version: entry.version })}>
                        View version {entry.version}
                      </button>
                      {entry.version > 1 ? (
                        <button
                          type="button"
                          className="button"
                          disabled={!entry.intact}
                          onClick={() => setShowing({ kind: 'changes', from: entry.version - 1, to: entry.version })}
                        >
                          What changed since version {entry.version - 1}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      {showing.kind === 'version' ? <AgreedVersionView planId={planId} version={showing.version} onClose={close} /> : null}
      {showing.kind === 'changes' ? (
        <PlanChangesView planId={planId} from={showing.from} to={showing.to} refreshKey={showing.to === 'current' ? snapshot : undefined} onClose={close} />
      ) : null}
    </div>
  );
}
