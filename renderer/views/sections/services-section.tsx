import { CollectionList } from './collection-list';
import { SectionScreen } from './section-screen';

export function ServicesSection() {
  return (
    <SectionScreen
      title="Services and support"
      intro="The foundation of the house: referrals, social prescribing and community offers the plan relies on."
      sections={['services']}
    >
      <CollectionList section="services" />
    </SectionScreen>
  );
}
