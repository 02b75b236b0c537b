import { CollectionList } from './collection-list';
import { SectionScreen } from './section-screen';

export function StrengthsNeedsSection() {
  return (
    <SectionScreen
      title="Strengths and needs"
      intro="What the person does well and has going for them, and their needs, concerns or problems, each with the part of life it is about."
      sections={['strengths', 'needs']}
    >
      <CollectionList section="strengths" showTitle />
      <CollectionList section="needs" showTitle />
    </SectionScreen>
  );
}
