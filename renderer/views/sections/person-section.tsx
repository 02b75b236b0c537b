import { RecordSection } from './record-section';

export function PersonSection() {
  return <RecordSection section="person" intro="Who this plan is for, how to reach them and what helps them communicate." />;
}
