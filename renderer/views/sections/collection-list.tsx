import { collectionSections, type CollectionSectionKey } from '../../../shared/plan';
import { ItemList } from '../fields/item-list';
import type { HeadingLevel } from '../fields/heading';
import { usePlanSection } from '../plan/plan-store-context';

interface CollectionListProps {
  section: CollectionSectionKey;
  /** 2 with a title of its own under a shared section heading (h3), or items straight under the section's h2. */
  showTitle?: boolean;
  only?: readonly string[];
}

/** One top-level list of the plan (goals, actions, the care team...), driven by the schema. */
export function CollectionList({ section, showTitle = false, only }: CollectionListProps) {
  const items = usePlanSection(section) as unknown as readonly unknown[];
  const level: HeadingLevel = 3;
  return (
    <ItemList
      collectionPath={[section]}
      collectionPattern={section}
      spec={collectionSections[section]}
      items={items}
      level={level}
      showTitle={showTitle}
      only={only}
    />
  );
}
