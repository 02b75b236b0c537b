import { useId, type ReactNode } from 'react';
import { usePlanEditing } from '../plan/plan-editing-context';
import { countBlockingUnder } from '../plan/plan-problems';

interface SectionScreenProps {
  title: string;
  intro?: string;
  /** Plan sections shown here, for the "things to fix" count. */
  sections: readonly string[];
  children: ReactNode;
}

/** The frame of every section screen: its heading, a line saying what it is for, and how many things need fixing. */
export function SectionScreen({ title, intro, sections, children }: SectionScreenProps) {
  const { problems } = usePlanEditing();
  const id = useId();
  const toFix = sections.reduce((total, section) => total + countBlockingUnder(problems, [section]), 0);
  return (
    <section className="section-screen" aria-labelledby={id}>
      <h2 id={id} className="section-screen__title">
        {title}
      </h2>
      {intro ? <p className="section-screen__intro">{intro}</p> : null}
      {toFix > 0 ? (
        <p className="section-screen__to-fix">
          {toFix === 1 ? '1 thing to check' : `${toFix} things to check`} in this section: see the messages next to the fields.
        </p>
      ) : null}
      {children}
    </section>
  );
}
