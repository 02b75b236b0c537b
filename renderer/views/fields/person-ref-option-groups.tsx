import type { CarePlanSnapshot, PersonRef } from '../../../shared/plan';
import { personRefOptions } from './person-ref-options';

/** The "Who" choices of a plan, grouped (the person, care team, family…), empty groups left out. */
export function PersonRefOptionGroups({ snapshot, current }: { snapshot: CarePlanSnapshot; current: PersonRef | null }) {
  return (
    <>
      {personRefOptions(snapshot, current).map((group) =>
        group.options.length === 0 ? null : (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ),
      )}
    </>
  );
}
