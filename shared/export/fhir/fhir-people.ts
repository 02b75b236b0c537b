import type { ContactPoint, HumanName, Organization, Patient, Practitioner, RelatedPerson } from './fhir-types';
import { nhsNumberDigits, type FhirScope } from './fhir-scope';
import { personFullName } from '../plan-people';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_CODE_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
/** HL7 v2 table 0131 (contact role), used by RelatedPerson.relationship for NOK/emergency. */
const CONTACT_ROLE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0131';

function telecom(phone: string, email: string): ContactPoint[] {
  const points: ContactPoint[] = [];
  if (phone.trim()) points.push({ system: 'phone', value: phone.trim() });
  if (email.trim()) points.push({ system: 'email', value: email.trim() });
  return points;
}

/** Organisation names are free text; the same name (any case or spacing) is one Organization. */
export function organisationKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function buildPatient(scope: FhirScope): Patient {
  const { person } = scope.plan;
  const nhs = nhsNumberDigits(person.nhsNumber);
  const names: HumanName[] = [
    { use: 'official', text: personFullName(scope.plan), family: person.familyName, given: [person.firstName] },
  ];
  if (person.preferredName.trim() && person.preferredName.trim() !== person.firstName.trim()) {
    names.push({ use: 'usual', given: [person.preferredName.trim()] });
  }
  const gpPractice = person.gpPracticeName.trim();
  return {
    resourceType: 'Patient',
    id: scope.uuid('patient', 'person'),
    identifier: [
      ...(nhs ? [{ system: NHS_NUMBER_SYSTEM, value: nhs }] : []),
      ...(person.otherIdentifier.trim() ? [{ use: 'secondary' as const, value: person.otherIdentifier.trim() }] : []),
    ],
    name: names,
    birthDate: person.dateOfBirth ?? undefined,
    telecom: telecom(person.phone, person.email),
    address: [{ text: [person.address, person.postcode].filter((part) => part.trim()).join(', '), postalCode: person.postcode }],
    generalPractitioner: [
      ...(gpPractice ? [scope.ref('organization', organisationKey(gpPractice), gpPractice)] : []),
      ...(person.gpName.trim() ? [{ display: person.gpName.trim() }] : []),
    ],
    communication: person.language.trim() ? [{ language: { text: person.language.trim() }, preferred: true }] : undefined,
  };
}

export function buildPractitioners(scope: FhirScope): Practitioner[] {
  return scope.liveProfessionals().map((contact) => ({
    resourceType: 'Practitioner',
    id: scope.uuid('practitioner', contact.id),
    name: [{ text: contact.name }],
    telecom: telecom(contact.phone, contact.email),
  }));
}

export function buildRelatedPersons(scope: FhirScope): RelatedPerson[] {
  return scope.livePersonalContacts().map((contact) => ({
    resourceType: 'RelatedPerson',
    id: scope.uuid('related-person', contact.id),
    patient: scope.patientRef(),
    relationship: [
      { text: contact.relationship },
      ...(contact.isNextOfKin ? [{ coding: [{ system: CONTACT_ROLE_SYSTEM, code: 'N', display: 'Next-of-Kin' }] }] : []),
      ...(contact.isEmergencyContact ? [{ coding: [{ system: CONTACT_ROLE_SYSTEM, code: 'C', display: 'Emergency Contact' }] }] : []),
      ...(contact.isCarer ? [{ text: 'Carer' }] : []),
    ],
    name: [{ text: contact.name }],
    telecom: telecom(contact.phone, contact.email),
  }));
}

/** One Organization per distinct organisation name: the GP practice and every team member's. */
export function buildOrganizations(scope: FhirScope): Organization[] {
  const byKey = new Map<string, Organization>();
  const { person } = scope.plan;
  const add = (name: string, odsCode?: string): void => {
    const key = organisationKey(name);
    if (!key || byKey.has(key)) return;
    byKey.set(key, {
      resourceType: 'Organization',
      id: scope.uuid('organization', key),
      identifier: odsCode ? [{ system: ODS_CODE_SYSTEM, value: odsCode }] : undefined,
      name: name.trim(),
    });
  };
  add(person.gpPracticeName, person.gpPracticeCode.trim() || undefined);
  for (const contact of scope.liveProfessionals()) add(contact.organisation);
  return [...byKey.values()];
}
