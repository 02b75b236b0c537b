import { RecordSection } from './record-section';

export function AboutMeSection() {
  return <RecordSection section="aboutMe" intro="In the person's own words. Write what they say, the way they say it." />;
}
