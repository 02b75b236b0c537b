import { CarriedForwardActions } from './carried-forward-actions';
import { CollectionList } from './collection-list';
import { SectionScreen } from './section-screen';

export function MeetingsSection() {
  return (
    <SectionScreen
      title="Meetings"
      intro="Records of case conferences and reviews: who came, what was discussed and what was decided."
      sections={['meetings']}
    >
      <CarriedForwardActions />
      <CollectionList section="meetings" />
    </SectionScreen>
  );
}
