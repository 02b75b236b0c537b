import { RecordSection } from './record-section';

export function AgreementSection() {
  return <RecordSection section="agreement" intro="Who agreed the plan, and when it will be reviewed and by whom." />;
}
