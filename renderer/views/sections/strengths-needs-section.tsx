import { ItemTable } from '../tables/item-table';
import { SectionScreen } from './section-screen';

// Compact rows (as goals and actions): the words and the part of life in place; Details opens the whole item.
const strengthColumns = ['text', 'domain'] as const;
const needColumns = ['text', 'domain', 'response'] as const;

export function StrengthsNeedsSection() {
  return (
    <SectionScreen
      title="Strengths and needs"
      intro="What the person does well and has going for them, and their needs, concerns or problems, each with the part of life it is about."
      sections={['strengths', 'needs']}
    >
      <ItemTable section="strengths" columns={strengthColumns} showTitle />
      <ItemTable section="needs" columns={needColumns} showTitle />
    </SectionScreen>
  );
}
