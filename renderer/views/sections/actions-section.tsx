import { CollectionList } from './collection-list';
import { SectionScreen } from './section-screen';

export function ActionsSection() {
  return (
    <SectionScreen
      title="Actions"
      intro="Who will do what, and by when. Open actions carry forward to the next meeting."
      sections={['actions']}
    >
      <CollectionList section="actions" />
    </SectionScreen>
  );
}
