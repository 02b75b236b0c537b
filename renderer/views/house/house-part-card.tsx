import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { HousePartCompleteness } from '../../../shared/plan';
import { housePartNames } from './house-part-names';

interface HousePartCardProps {
  part: HousePartCompleteness;
  /** The screens this part opens: [nav key, title]. */
  screens: ReadonlyArray<{ key: string; title: string }>;
  onOpen: (key: string) => void;
  /** On the plan at a glance: completeness as a quiet line, no checklist. */
  compact?: boolean;
  /** A part's own line under its summary (the roof: whether the plan is agreed). */
  children?: ReactNode;
}

/** One part of the House of Care: what it is, how complete (in words and as a bar), and the screens it opens. */
export function HousePartCard({ part, screens, onOpen, compact = false, children }: HousePartCardProps) {
  const id = useId();
  const fill = useRef<HTMLDivElement>(null);
  // Set through the DOM (not a style attribute) so the strict content security policy holds.
  useEffect(() => {
    if (fill.current) fill.current.style.width = `${part.percent}%`;
  }, [part.percent]);
  return (
    <section className={`house-part house-part--${part.part}`} aria-labelledby={id} data-house-part={part.part}>
      <h4 id={id} className="house-part__title">
        <span className="house-part__where">{housePartNames[part.part]}:</span> {part.title}
      </h4>
      <p className="house-part__summary" data-testid="house-part-summary">
        {part.summary}
      </p>
      {children}
      {compact ? null : (
        <div className="meter" aria-hidden="true">
          <div className="meter__fill" ref={fill} />
        </div>
      )}
      <ul className="house-part__checks" hidden={compact}>
        {part.checks.map((check) => (
          <li key={check.label} className={check.filled ? 'check check--done' : 'check check--todo'}>
            <span className="check__mark">{check.filled ? 'Done' : 'To do'}</span> {check.label}
          </li>
        ))}
      </ul>
      <div className="button-row">
        {screens.map((screen) => (
          <button key={screen.key} type="button" className="button" onClick={() => onOpen(screen.key)}>
            Open {screen.title}
          </button>
        ))}
      </div>
    </section>
  );
}

