import type * as Y from 'yjs';
import { aboutMeText, personText } from '../../shared/plan/plan-layout';
import { usePlanDocument } from '../sync/use-plan-document';
import { useCareApi } from './care-api-context';
import { TextField } from './fields/text-field';
import { SaveStatusBanner } from './save-status-banner';

interface PlanScreenProps {
  planId: string;
  onClose: () => void;
}

/** One plan, open for editing. Every keystroke is a Yjs update persisted through the contract. */
export function PlanScreen({ planId, onClose }: PlanScreenProps) {
  const api = useCareApi();
  const state = usePlanDocument(api, planId);
  return (
    <section className="panel plan-screen" aria-labelledby="plan-heading">
      <div className="plan-screen__bar">
        <button type="button" className="button" onClick={onClose}>
          Back to plans
        </button>
        {state.status === 'ready' ? <SaveStatusBanner persistence={state.persistence} /> : null}
      </div>
      {state.status === 'loading' ? <p>Opening the plan…</p> : null}
      {state.status === 'error' ? (
        <p className="field__problem" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.status === 'ready' ? <PlanEditor doc={state.doc} /> : null}
    </section>
  );
}

function PlanEditor({ doc }: { doc: Y.Doc }) {
  const firstName = personText(doc, 'firstName');
  const familyName = personText(doc, 'familyName');
  const whatMatters = aboutMeText(doc, 'whatMatters');
  return (
    <>
      <h1 id="plan-heading">Personalised care and support plan</h1>
      <h2>Person</h2>
      {firstName ? <TextField label="First name" text={firstName} maxLength={100} /> : null}
      {familyName ? <TextField label="Family name" text={familyName} maxLength={100} /> : null}
      <h2>About me</h2>
      {whatMatters ? <TextField label="What is most important to me" text={whatMatters} multiline maxLength={5000} /> : null}
    </>
  );
}
