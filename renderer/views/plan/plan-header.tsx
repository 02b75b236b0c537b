import { currentKeyworker, formatUkDate, planDate, validateNhsNumber } from '../../../shared/plan';
import { ReviewBadge } from '../review-badge';
import { usePlanEditing } from './plan-editing-context';

/** Who the plan is for, at the top of every screen of it: name, NHS number, review date, keyworker — on one line. */
export function PlanHeader() {
  const { snapshot } = usePlanEditing();
  const { person, agreement } = snapshot;
  const name = [person.firstName, person.familyName].map((part) => part.trim()).filter(Boolean).join(' ');
  const nhs = person.nhsNumber.trim();
  const nhsProblem = nhs ? validateNhsNumber(nhs) : null;
  const today = new Date().toISOString().slice(0, 10);
  const keyworker = currentKeyworker(snapshot.professionalContacts, planDate(snapshot) ?? today);
  return (
    <div className="plan-header">
      <h1 id="plan-heading" className="plan-header__name" dir="auto">
        {name ? `Care plan: ${name}` : 'Care plan: name not filled in yet'}
      </h1>
      <dl className="plan-header__facts">
        <div>
          <dt>NHS number</dt>
          <dd data-testid="header-nhs-number">
            {nhs || 'Not recorded'}
            {nhsProblem ? <span className="badge badge--overdue"> Not a valid NHS number</span> : null}
          </dd>
        </div>
        <div>
          <dt>Review date</dt>
          <dd>
            {formatUkDate(agreement.reviewDate) || 'Not set'} {agreement.reviewDate ? <ReviewBadge reviewDate={agreement.reviewDate} /> : null}
          </dd>
        </div>
        <div>
          <dt>Keyworker</dt>
          <dd dir="auto">{keyworker?.name.trim() || 'Not named'}</dd>
        </div>
      </dl>
    </div>
  );
}
