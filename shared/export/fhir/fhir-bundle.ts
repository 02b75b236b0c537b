import { isLive, type CarePlanSnapshot } from '../../plan/plan-snapshot';
import { isAgreed, versionText, type ExportContext } from '../export-context';
import { applySharingLimits } from '../sharing-limits';
import { utf8Bytes } from '../utf8-bytes';
import { buildCareTeam } from './fhir-care-team';
import { buildContingencyCarePlans, buildMainCarePlan, buildSupportCarePlans } from './fhir-care-plans';
import { buildConsent } from './fhir-consent';
import { buildEncounters } from './fhir-encounters';
import { buildConditions, buildGoals } from './fhir-goals';
import { buildOrganizations, buildPatient, buildPractitioners, buildRelatedPersons, organisationKey } from './fhir-people';
import { FhirScope, pruneEmpty } from './fhir-scope';
import { buildTasks } from './fhir-tasks';
import type { Bundle, BundleEntry, FhirResource } from './fhir-types';

/**
 * The plan as a FHIR R4 Bundle of type 'collection' (a 'document' would need a Composition
 * and a signature-grade attester, which an export from a meeting laptop cannot honestly
 * give). See docs/fhir-mapping.md for every element's source.
 *
 * Which resources exist is decided first (scope.emit) so every builder only ever points at
 * resources in the bundle; people or items outside it appear as display-only references.
 */
export function buildFhirBundleObject(snapshot: CarePlanSnapshot, context: ExportContext): Bundle {
  const { plan, recipient, limitedTo } = applySharingLimits(snapshot, context);
  const scope = new FhirScope(plan, context);

  scope.emit('patient', 'person');
  scope.emit('care-plan', 'plan');
  scope.emit('care-team', 'team');
  scope.emit('consent', 'consent');
  plan.needs.filter(isLive).forEach((need) => scope.emit('condition', need.id));
  plan.goals.filter(isLive).forEach((goal) => scope.emit('goal', goal.id));
  plan.actions.filter(isLive).forEach((action) => scope.emit('task', action.id));
  plan.professionalContacts.filter(isLive).forEach((contact) => scope.emit('practitioner', contact.id));
  plan.personalContacts.filter(isLive).forEach((contact) => scope.emit('related-person', contact.id));
  plan.meetings.filter(isLive).forEach((meeting) => scope.emit('encounter', meeting.id));
  const organizations = buildOrganizations(scope);
  organizations.forEach((organization) => scope.emit('organization', organisationKey(organization.name)));

  const resources: FhirResource[] = [
    buildPatient(scope),
    buildMainCarePlan(scope, limitedTo, recipient),
    ...buildConditions(scope),
    ...buildGoals(scope),
    buildCareTeam(scope),
    ...buildPractitioners(scope),
    ...buildRelatedPersons(scope),
    ...organizations,
    buildConsent(scope),
    ...buildTasks(scope),
    ...buildEncounters(scope),
    ...buildContingencyCarePlans(scope),
    ...buildSupportCarePlans(scope),
  ];
  const entry: BundleEntry[] = resources.map((resource) => ({
    fullUrl: `urn:uuid:${resource.id}`,
    resource: pruneEmpty(resource),
  }));

  const bundleName = `${versionText(context)}/${context.generatedAt}`;
  return {
    resourceType: 'Bundle',
    id: scope.uuid('bundle', bundleName),
    meta: {
      lastUpdated: context.generatedAt,
      tag: [
        {
          system: 'https://carehouse.invalid/fhir/plan-version',
          code: isAgreed(context) ? 'agreed' : 'draft',
          display: versionText(context),
        },
      ],
    },
    identifier: { system: 'urn:ietf:rfc:3986', value: scope.fullUrl('bundle', bundleName) },
    type: 'collection',
    timestamp: context.generatedAt,
    entry,
  };
}

/** The Bundle as pretty-printed UTF-8 JSON (two-space indent: diffable and readable). */
export function buildFhirBundle(snapshot: CarePlanSnapshot, context: ExportContext): Uint8Array {
  return utf8Bytes(JSON.stringify(buildFhirBundleObject(snapshot, context), null, 2) + '\n');
}
