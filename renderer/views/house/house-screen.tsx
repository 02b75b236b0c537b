import { houseCompleteness, type CarePlanSnapshot, type PlanSectionKey } from '../../../shared/plan';
import { HousePartCard } from './house-part-card';
import { housePartOrder } from './house-part-names';

interface HouseScreenProps {
  snapshot: CarePlanSnapshot;
  /** The screen (nav key and title) that shows a plan section. */
  screenFor: (section: PlanSectionKey) => { key: string; title: string } | undefined;
  onOpen: (key: string) => void;
}

/**
 * The plan's home: the House of Care. Laid out as the picture (roof on top, walls either
 * side of the centre, foundation below) with real text, so it reads aloud in order and
 * scales with shared-screen mode.
 */
export function HouseScreen({ snapshot, screenFor, onOpen }: HouseScreenProps) {
  const parts = houseCompleteness(snapshot);
  return (
    <section className="house-screen" aria-labelledby="house-heading">
      <h2 id="house-heading">House of Care</h2>
      <p className="section-screen__intro">Each part of the house shows how much of it is filled in. Open a part to work on it.</p>
      <div className="house">
        {housePartOrder.map((key) => {
          const part = parts[key];
          const screens = part.sections
            .map(screenFor)
            .filter((screen): screen is { key: string; title: string } => screen !== undefined)
            .filter((screen, index, all) => all.findIndex((other) => other.key === screen.key) === index);
          return <HousePartCard key={key} part={part} screens={screens} onOpen={onOpen} />;
        })}
      </div>
    </section>
  );
}
