import { useId, useState } from 'react';
import { planViewGroups, planViews } from './plan-views';

interface PlanNavProps {
  currentKey: string | undefined;
  onOpen: (key: string) => void;
}

function sharedScreenOn(): boolean {
  return document.documentElement.classList.contains('shared-screen');
}

/**
 * The screens of an open plan, grouped by the parts of the House of Care, in a side
 * column that folds away. On a shared screen it starts folded, so the plan itself fills
 * the room's screen; one button (always reachable by keyboard) brings it back.
 */
export function PlanNav({ currentKey, onOpen }: PlanNavProps) {
  const [open, setOpen] = useState(() => !sharedScreenOn());
  const listId = useId();
  const current = planViews.find((view) => view.key === currentKey);
  return (
    <nav className={`plan-nav${open ? ' plan-nav--open' : ' plan-nav--folded'}`} aria-label="Plan sections">
      <button type="button" className="button plan-nav__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {open ? 'Hide sections' : 'Sections'}
        {!open && current ? <span className="visually-hidden"> (showing {current.title})</span> : null}
      </button>
      <div id={listId} className="plan-nav__groups" hidden={!open}>
        {planViewGroups.map((group) => {
          const views = planViews.filter((view) => (view.group ?? 'record') === group.key);
          if (views.length === 0) return null;
          return (
            <div key={group.key} className="plan-nav__group">
              {group.key === 'home' ? null : <p className="plan-nav__group-title" id={`${listId}-${group.key}`}>{group.title}</p>}
              <ul aria-labelledby={group.key === 'home' ? undefined : `${listId}-${group.key}`}>
                {views.map((view) => (
                  <li key={view.key}>
                    <button
                      type="button"
                      className={`plan-nav__item${view.key === currentKey ? ' plan-nav__item--current' : ''}`}
                      aria-current={view.key === currentKey ? 'page' : undefined}
                      onClick={() => onOpen(view.key)}
                    >
                      {view.title}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </nav>
  );
}
