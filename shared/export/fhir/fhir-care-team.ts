import type { CareTeam } from './fhir-types';
import { organisationKey } from './fhir-people';
import type { FhirScope } from './fhir-scope';
import { personFullName } from '../plan-people';

export const KEYWORKER_ROLE_TEXT = 'Keyworker / care coordinator';

/**
 * The team around the person: professionals (with their organisation), family and carers,
 * and the person themselves. The keyworker carries a second role saying so, because R4 has
 * no element for "the one named coordinator".
 */
export function buildCareTeam(scope: FhirScope): CareTeam {
  const professionals = scope.liveProfessionals().map((contact) => ({
    role: [
      { text: [contact.role, contact.speciality].filter((part) => part.trim()).join(', ') },
      ...(contact.isKeyworker ? [{ text: KEYWORKER_ROLE_TEXT }] : []),
    ],
    member: scope.ref('practitioner', contact.id, contact.name),
    onBehalfOf: contact.organisation.trim()
      ? scope.ref('organization', organisationKey(contact.organisation), contact.organisation.trim())
      : undefined,
    period: {
      start: (contact.isKeyworker ? contact.keyworkerFrom : null) ?? contact.startDate ?? undefined,
      end: (contact.isKeyworker ? contact.keyworkerUntil : null) ?? contact.endDate ?? undefined,
    },
  }));
  const family = scope.livePersonalContacts().map((contact) => ({
    role: [{ text: contact.relationship }, ...(contact.isCarer ? [{ text: 'Carer' }] : [])],
    member: scope.ref('related-person', contact.id, contact.name),
  }));
  return {
    resourceType: 'CareTeam',
    id: scope.uuid('care-team', 'team'),
    status: 'active',
    name: `Care team for ${personFullName(scope.plan)}`,
    subject: scope.patientRef(),
    participant: [{ role: [{ text: 'The person' }], member: scope.patientRef() }, ...professionals, ...family],
  };
}
