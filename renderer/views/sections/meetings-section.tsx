import { ItemTable } from '../tables/item-table';
import { CarriedForwardActions } from './carried-forward-actions';
import { SectionScreen } from './section-screen';

// One row per meeting: when, what kind, where, who chaired, and the next date; attendees and agenda are under Details.
const columns = ['date', 'type', 'location', 'chair', 'nextMeetingDate'] as const;

export function MeetingsSection() {
  return (
    <SectionScreen
      title="Meetings"
      intro="Records of case conferences and reviews: who came, what was discussed and what was decided. Details opens the whole record."
      sections={['meetings']}
    >
      <CarriedForwardActions />
      <ItemTable section="meetings" columns={columns} />
    </SectionScreen>
  );
}
