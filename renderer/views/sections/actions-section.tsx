import { ActionsTable } from '../actions/actions-table';
import { useToday } from '../glance/use-today';
import { RemovedActions } from '../actions/removed-actions';
import { SectionScreen } from './section-screen';

export function ActionsSection() {
  const today = useToday();
  return (
    <SectionScreen
      title="Actions"
      intro="Who will do what, and by when. Change what, who, when and status in the table; Details opens the whole action. Open actions carry forward to the next meeting."
      sections={['actions']}
    >
      <ActionsTable mode="edit" today={today} />
      <RemovedActions />
    </SectionScreen>
  );
}
