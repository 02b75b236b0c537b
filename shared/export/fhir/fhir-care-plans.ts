import { isLive, type SupportServiceStatus } from '../../plan/plan-snapshot';
import type { CarePlan } from './fhir-types';
import type { FhirScope } from './fhir-scope';
import { agreementOf, generatedDate, isAgreed, versionText } from '../export-context';
import { serviceKindLabels, labelOf } from '../plain-labels';
import { currentKeyworker } from '../../plan/keyworker';
import { describePersonRef, personFullName } from '../plan-people';

/** Foundation services become activity details of kind ServiceRequest (no resource of their own). */
const serviceActivityStatus: Record<SupportServiceStatus, string> = {
  suggested: 'not-started',
  referred: 'scheduled',
  active: 'in-progress',
  ended: 'completed',
  declined: 'cancelled',
};

function planStatus(scope: FhirScope): CarePlan['status'] {
  return isAgreed(scope.context) ? 'active' : 'draft';
}

function versionNote(scope: FhirScope): { text: string } {
  return { text: `CareHouse plan version: ${versionText(scope.context)}` };
}

export function buildMainCarePlan(scope: FhirScope, limitedTo: string | null, recipient: string | null): CarePlan {
  const { plan } = scope;
  const keyworker = currentKeyworker(plan.professionalContacts, generatedDate(scope.context));
  const agreement = plan.agreement;
  // Who agreed and when come only from a real agreed version, never hand-edited fields.
  const agreed = agreementOf(scope.context);
  return {
    resourceType: 'CarePlan',
    id: scope.uuid('care-plan', 'plan'),
    identifier: [{ system: 'urn:ietf:rfc:3986', value: scope.fullUrl('care-plan', 'plan') }],
    status: planStatus(scope),
    intent: 'plan',
    category: [{ text: 'Personalised care and support plan' }],
    title: `Personalised care and support plan for ${personFullName(plan)}`,
    description: plan.aboutMe.whatMatters,
    subject: scope.patientRef(),
    encounter: (() => {
      const first = plan.meetings.find((meeting) => isLive(meeting) && scope.has('encounter', meeting.id));
      return first ? scope.ref('encounter', first.id) : undefined;
    })(),
    period: {
      start: agreed?.agreedOn ?? plan.meta.createdAt.slice(0, 10),
      end: agreement.reviewDate ?? undefined,
    },
    created: plan.meta.createdAt,
    author: keyworker && scope.has('practitioner', keyworker.id) ? scope.ref('practitioner', keyworker.id, keyworker.name) : undefined,
    contributor: [
      scope.patientRef(),
      ...scope.liveProfessionals().map((contact) => scope.ref('practitioner', contact.id, contact.name)),
      ...scope.livePersonalContacts().map((contact) => scope.ref('related-person', contact.id, contact.name)),
    ],
    careTeam: [scope.ref('care-team', 'team')],
    addresses: plan.needs.filter((need) => scope.has('condition', need.id)).map((need) => scope.ref('condition', need.id)),
    supportingInfo: [
      scope.ref('consent', 'consent'),
      ...plan.meetings.filter((meeting) => scope.has('encounter', meeting.id)).map((meeting) => scope.ref('encounter', meeting.id)),
    ],
    goal: plan.goals.filter((goal) => scope.has('goal', goal.id)).map((goal) => scope.ref('goal', goal.id)),
    activity: [
      ...plan.actions.filter((action) => scope.has('task', action.id)).map((action) => ({ reference: scope.ref('task', action.id, action.what) })),
      ...plan.services.filter(isLive).map((service) => ({
        detail: {
          kind: 'ServiceRequest',
          status: service.status ? serviceActivityStatus[service.status] : 'unknown',
          description: [service.name, labelOf(serviceKindLabels, service.kind), service.provider, service.contactDetails, service.notes]
            .filter((part) => part.trim())
            .join(' — '),
        },
      })),
    ],
    note: [
      versionNote(scope),
      { text: agreed ? `Agreed with ${agreed.agreedWith.join(', ')} on ${agreed.agreedOn}` : 'Not yet agreed' },
      { text: agreement.reviewDate ? `Next review ${agreement.reviewDate}${agreement.reviewResponsible ? `, arranged by ${describePersonRef(plan, agreement.reviewResponsible)}` : ''}` : '' },
      { text: agreement.fundingSource ? `Care funding: ${agreement.fundingSource}` : '' },
      { text: recipient ? `Shared with ${recipient}${limitedTo ? `, limited to: ${limitedTo}` : ''}` : '' },
    ].filter((note) => note.text !== ''),
  };
}

/** Each contingency plan as its own CarePlan, part of the main one. */
export function buildContingencyCarePlans(scope: FhirScope): CarePlan[] {
  const { plan } = scope;
  return plan.contingencyPlans.filter(isLive).map((contingency) => {
    const triggers = contingency.triggers.filter(isLive).map((trigger) => trigger.text);
    const lines = [
      triggers.length ? `Warning signs: ${triggers.join('; ')}.` : '',
      contingency.whatShouldHappen ? `What should happen: ${contingency.whatShouldHappen}` : '',
      contingency.contactInHours ? `In hours: ${contingency.contactInHours}` : '',
      contingency.contactOutOfHours ? `Out of hours: ${contingency.contactOutOfHours}` : '',
      contingency.copingStrategies ? `What helps: ${contingency.copingStrategies}` : '',
      contingency.anticipatoryMedicines
        ? `Anticipatory medicines/equipment: ${contingency.anticipatoryMedicines}${contingency.anticipatoryMedicinesLocation ? ` (kept: ${contingency.anticipatoryMedicinesLocation})` : ''}`
        : '',
      contingency.advanceStatement
        ? `Advance statement: ${contingency.advanceStatement}${contingency.advanceStatementLocation ? ` (kept: ${contingency.advanceStatementLocation})` : ''}`
        : '',
      contingency.respectLink ? `ReSPECT / urgent care plan: ${contingency.respectLink}` : '',
    ].filter((line) => line !== '');
    const contacts = contingency.contactIds.flatMap((id) =>
      scope.has('practitioner', id)
        ? [scope.ref('practitioner', id)]
        : scope.has('related-person', id)
          ? [scope.ref('related-person', id)]
          : [],
    );
    return {
      resourceType: 'CarePlan',
      id: scope.uuid('contingency-plan', contingency.id),
      status: planStatus(scope),
      intent: 'plan',
      partOf: [scope.ref('care-plan', 'plan')],
      category: [{ text: 'Contingency plan' }],
      title: contingency.name || 'Contingency plan',
      description: lines.join('\n'),
      subject: scope.patientRef(),
      period: contingency.reviewDate ? { end: contingency.reviewDate } : undefined,
      author: scope.personRef(contingency.reviewOwner),
      contributor: contacts,
      note: [versionNote(scope)],
    };
  });
}

/** Additional support plans (OT, dietitian, discharge...) as CarePlans, part of the main one. */
export function buildSupportCarePlans(scope: FhirScope): CarePlan[] {
  return scope.plan.supportPlans.filter(isLive).map((support) => ({
    resourceType: 'CarePlan',
    id: scope.uuid('support-plan', support.id),
    status: planStatus(scope),
    intent: 'plan',
    partOf: [scope.ref('care-plan', 'plan')],
    category: [{ text: 'Additional support plan' }],
    title: support.name || 'Support plan',
    description: support.content,
    subject: scope.patientRef(),
    period: support.reviewDate ? { end: support.reviewDate } : undefined,
    author: scope.personRef(support.reviewOwner),
    note: [versionNote(scope), { text: support.lastUpdated ? `Last updated ${support.lastUpdated}` : '' }].filter((note) => note.text !== ''),
  }));
}
