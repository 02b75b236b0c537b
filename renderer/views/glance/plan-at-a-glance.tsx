import { useId } from 'react';
import { formatUkDate, goalStatusWords, houseCompleteness, isLive, type PlanSectionKey } from '../../../shared/plan';
import { ActionsTable } from '../actions/actions-table';
import { HousePartCard } from '../house/house-part-card';
import { housePartOrder } from '../house/house-part-names';
import { usePlanEditing } from '../plan/plan-editing-context';
import { ageOn } from './age-on';
import { useToday } from './use-today';
import { useVersionStatus } from './use-version-status';
import { agreementWords, versionWords } from './version-status';

interface PlanAtAGlanceProps {
  planId: string;
  /** The screen (nav key and title) that shows a plan section. */
  screenFor: (section: PlanSectionKey) => { key: string; title: string } | undefined;
  onOpen: (key: string) => void;
}

/**
 * The plan's home, as the room needs it: the person first, what matters to them in their
 * own words, who does what by when (overdue first), goals and how they are going, the
 * "if I'm unwell" plan in short, and what is still wrong. The House of Care stays the
 * organising picture below, its parts leading to the detail; completeness is a quiet cue.
 */
export function PlanAtAGlance({ planId, screenFor, onOpen }: PlanAtAGlanceProps) {
  const { snapshot, problems } = usePlanEditing();
  const today = useToday();
  const version = useVersionStatus(planId);
  const headingId = useId();
  const { person, aboutMe } = snapshot;
  const callName = person.preferredName.trim() || person.firstName.trim();
  const age = ageOn(person.dateOfBirth, today);
  const goals = snapshot.goals.filter(isLive);
  const unwell = snapshot.contingencyPlans.filter(isLive);
  const blocking = [...problems.values()].flat().filter((problem) => problem.blocking);
  const parts = houseCompleteness(snapshot, { agreedVersion: version.kind === 'agreed' });
  return (
    <section className="glance" aria-labelledby={headingId}>
      <div className="glance__top">
        <h2 id={headingId}>At a glance</h2>
        <dl className="glance__facts">
          <div>
            <dt>Born</dt>
            <dd>{person.dateOfBirth ? `${formatUkDate(person.dateOfBirth)}${age !== null ? ` (age ${age})` : ''}` : 'Not recorded'}</dd>
          </div>
          <div>
            <dt>This plan</dt>
            <dd className={version.kind === 'draft' ? 'glance__draft' : undefined} data-testid="glance-version">
              {versionWords(version)}
            </dd>
          </div>
        </dl>
      </div>

      <section className="glance__matters" aria-labelledby={`${headingId}-matters`}>
        <h3 id={`${headingId}-matters`}>{callName ? `What matters most to ${callName}` : 'What matters most to the person'}</h3>
        <p className="glance__quote" dir="auto" data-testid="glance-what-matters">
          {aboutMe.whatMatters.trim() || 'Not written yet: ask, and write it in their own words on About me.'}
        </p>
      </section>

      <section className="glance__actions" aria-labelledby={`${headingId}-actions`}>
        <h3 id={`${headingId}-actions`}>Who does what, by when</h3>
        <ActionsTable mode="glance" today={today} />
      </section>

      <div className="glance__grid">
        <section aria-labelledby={`${headingId}-goals`}>
          <h3 id={`${headingId}-goals`}>Goals and how they are going</h3>
          {goals.length === 0 ? <p>No goals yet.</p> : null}
          <ul className="glance__list">
            {goals.map((goal, index) => {
              const last = goal.progress.filter(isLive).filter((score) => score.score !== null).at(-1);
              return (
                <li key={goal.id}>
                  <span dir="auto">{goal.words.trim() || `Goal ${index + 1}`}</span> — <strong>{goalStatusWords[goal.status]}</strong>
                  {last ? <span className="muted"> (last score {last.score} of 10{last.date ? `, ${formatUkDate(last.date)}` : ''})</span> : null}
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby={`${headingId}-unwell`}>
          <h3 id={`${headingId}-unwell`}>If I’m unwell</h3>
          {unwell.length === 0 ? <p>No contingency plan yet.</p> : null}
          <ul className="glance__list">
            {unwell.map((plan) => (
              <li key={plan.id}>
                <strong dir="auto">{plan.name.trim() || 'Contingency plan'}:</strong> <span dir="auto">{plan.whatShouldHappen.trim() || 'what should happen is not written yet'}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby={`${headingId}-problems`}>
          <h3 id={`${headingId}-problems`}>Still to sort out</h3>
          {blocking.length === 0 ? <p>Nothing blocks agreeing this plan.</p> : null}
          <ul className="glance__list">
            {blocking.slice(0, 5).map((problem) => (
              <li key={`${problem.path.join('/')}:${problem.message}`} className="field__problem">
                {problem.message}
              </li>
            ))}
          </ul>
          {blocking.length > 5 ? <p>and {blocking.length - 5} more: see each section.</p> : null}
        </section>
      </div>

      <section className="glance__house" aria-labelledby={`${headingId}-house`}>
        <h3 id={`${headingId}-house`}>House of Care</h3>
        <div className="house house--compact">
          {housePartOrder.map((key) => {
            const part = parts[key];
            const screens = part.sections
              .map(screenFor)
              .filter((screen): screen is { key: string; title: string } => screen !== undefined)
              .filter((screen, index, all) => all.findIndex((other) => other.key === screen.key) === index);
            return (
              <HousePartCard key={key} part={part} screens={screens} onOpen={onOpen} compact>
                {/* The roof holds the agreement: said from real agreed versions only, never from hand-edited fields. */}
                {key === 'roof' ? (
                  <p className={`house-part__agreement house-part__agreement--${version.kind}`} data-testid="house-agreement" data-agreement={version.kind}>
                    {agreementWords(version)}
                  </p>
                ) : null}
              </HousePartCard>
            );
          })}
        </div>
      </section>
    </section>
  );
}
