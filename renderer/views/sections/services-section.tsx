import { ItemTable } from '../tables/item-table';
import { SectionScreen } from './section-screen';

const columns = ['name', 'kind', 'provider', 'status'] as const;

export function ServicesSection() {
  return (
    <SectionScreen
      title="Services and support"
      intro="The foundation of the house: referrals, social prescribing and community offers the plan relies on."
      sections={['services']}
    >
      <ItemTable section="services" columns={columns} />
    </SectionScreen>
  );
}
