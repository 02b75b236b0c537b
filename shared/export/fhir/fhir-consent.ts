import { isLive, type ConsentStatus } from '../../plan/plan-snapshot';
import type { Consent, ConsentProvision } from './fhir-types';
import type { FhirScope } from './fhir-scope';
import { consentStatusLabels, labelOf, legalBasisLabels } from '../plain-labels';

const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
const PARTICIPATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';

/**
 * How each consent state reads in R4: a decision the person made is an active Consent
 * (permit or deny); one not asked yet is a draft with no base decision.
 */
const consentMapping: Record<ConsentStatus, { status: Consent['status']; type: ConsentProvision['type'] }> = {
  given: { status: 'active', type: 'permit' },
  declined: { status: 'active', type: 'deny' },
  notYetAsked: { status: 'draft', type: undefined },
  lacksCapacityBestInterests: { status: 'active', type: 'permit' },
};

/**
 * The person's decision about sharing with the care team, as a privacy Consent. Everyone
 * on the do-not-share list becomes a nested deny provision naming them as a recipient
 * (display only: they are not part of the bundle, which is the point).
 */
export function buildConsent(scope: FhirScope): Consent {
  const { consent, person } = scope.plan;
  const mapping = consentMapping[consent.status];
  const denials: ConsentProvision[] = consent.doNotShare.filter(isLive).map((entry) => ({
    type: 'deny',
    actor: [
      {
        role: { coding: [{ system: PARTICIPATION_TYPE_SYSTEM, code: 'IRCP', display: 'information recipient' }] },
        reference: { display: entry.reason.trim() ? `${entry.who} (${entry.reason.trim()})` : entry.who },
      },
    ],
  }));
  const basis = labelOf(legalBasisLabels, consent.legalBasis);
  const rule = [
    consentStatusLabels[consent.status],
    basis ? `Legal basis: ${basis}` : '',
    consent.legalBasisNotes,
    consent.bestInterestsNotes ? `Best-interests decision: ${consent.bestInterestsNotes}` : '',
    consent.toldWhoIsInTeam ? `${person.preferredName || person.firstName || 'The person'} was told who is in the team` : '',
  ]
    .filter((part) => part.trim())
    .join('. ');
  return {
    resourceType: 'Consent',
    id: scope.uuid('consent', 'consent'),
    status: mapping.status,
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: scope.patientRef(),
    dateTime: consent.recordedOn ?? undefined,
    performer: [scope.patientRef()],
    policyRule: { text: rule },
    provision: mapping.type || denials.length ? { type: mapping.type, provision: denials } : undefined,
  };
}
