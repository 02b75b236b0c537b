import { RecordSection } from './record-section';

export function ConsentSection() {
  return (
    <RecordSection
      section="consent"
      intro="Whether the person agrees to their plan being shared, with whom it must not be shared, and decisions made for the future."
    />
  );
}
