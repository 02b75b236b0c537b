import type { CarePlanSnapshot, DoNotShareEntry, ItemBase, SharingScope } from '../plan/plan-snapshot';
import { personFullName } from './plan-people';
import type { ExportContext } from './export-context';

/** Thrown when the person asked that their plan is not shared with the recipient. */
export class SharingRefusedError extends Error {
  constructor(
    message: string,
    readonly entry: DoNotShareEntry,
  ) {
    super(message);
    this.name = 'SharingRefusedError';
  }
}

/** The plan as one recipient may see it, and how it was limited (for the export to say). */
export interface ShareableView {
  plan: CarePlanSnapshot;
  recipient: string | null;
  /** The sharing scope's description when a scope limited what is shown, else null. */
  limitedTo: string | null;
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Loose on purpose: "Mrs Patel" matches "Neighbour (Mrs Patel)". For a do-not-share list a
 * false match refuses an export someone can redo with a clearer name; a missed match leaks.
 */
function sameRecipient(a: string, b: string): boolean {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (x.length < 3 || y.length < 3) return x === y && x.length > 0;
  return x === y || x.includes(y) || y.includes(x);
}

function keepItems<T extends ItemBase>(items: T[], section: string, scope: SharingScope): T[] {
  if (scope.sections.includes(section)) return items;
  return items.filter((item) => scope.itemIds.includes(item.id));
}

function blankStrings<T extends object>(record: T): T {
  const blanked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    blanked[key] = typeof value === 'string' ? '' : typeof value === 'boolean' ? false : value === null ? null : value;
  }
  return blanked as T;
}

function limitToScope(plan: CarePlanSnapshot, scope: SharingScope): CarePlanSnapshot {
  const allowed = (section: string): boolean => scope.sections.includes(section);
  const { person } = plan;
  return {
    ...plan,
    // Identification always goes, or the recipient cannot tell whose plan it is.
    person: allowed('person')
      ? person
      : {
          ...blankStrings(person),
          preferredContactMethod: null,
          firstName: person.firstName,
          familyName: person.familyName,
          preferredName: person.preferredName,
          dateOfBirth: person.dateOfBirth,
          nhsNumber: person.nhsNumber,
        },
    aboutMe: allowed('aboutMe') ? plan.aboutMe : { ...blankStrings(plan.aboutMe), dateUpdated: null },
    strengths: keepItems(plan.strengths, 'strengths', scope),
    needs: keepItems(plan.needs, 'needs', scope),
    goals: keepItems(plan.goals, 'goals', scope),
    actions: keepItems(plan.actions, 'actions', scope),
    professionalContacts: keepItems(plan.professionalContacts, 'professionalContacts', scope),
    personalContacts: keepItems(plan.personalContacts, 'personalContacts', scope),
    contingencyPlans: keepItems(plan.contingencyPlans, 'contingencyPlans', scope),
    supportPlans: keepItems(plan.supportPlans, 'supportPlans', scope),
    services: keepItems(plan.services, 'services', scope),
    meetings: keepItems(plan.meetings, 'meetings', scope),
    // Consent and agreement always go: they say on what basis the recipient holds this.
  };
}

/** A family's private time stays theirs until they choose to share it. */
function withoutPrivateFamilyTime(plan: CarePlanSnapshot): CarePlanSnapshot {
  return {
    ...plan,
    meetings: plan.meetings.map((meeting) =>
      meeting.privateFamilyTimeShared ? meeting : { ...meeting, privateFamilyTime: '' },
    ),
  };
}

/**
 * Applies what the person decided about sharing before any export is built:
 * - a recipient on the do-not-share list is refused (SharingRefusedError);
 * - a recipient with a sharing scope gets only the sections and items in it;
 * - unshared private family time never leaves, whoever the export is for.
 */
export function applySharingLimits(plan: CarePlanSnapshot, context: ExportContext): ShareableView {
  const base = withoutPrivateFamilyTime(plan);
  const recipient = context.recipient?.trim() || null;
  if (recipient === null) return { plan: base, recipient: null, limitedTo: null };

  const refused = plan.consent.doNotShare.find((entry) => entry.removedAt === null && sameRecipient(entry.who, recipient));
  if (refused) {
    throw new SharingRefusedError(
      `${personFullName(plan)} asked that their plan is not shared with ${refused.who}` +
        (refused.reason ? ` (${refused.reason})` : '') +
        '. Nothing was exported.',
      refused,
    );
  }
  const scope = plan.consent.sharingScopes.find((entry) => entry.removedAt === null && sameRecipient(entry.who, recipient));
  if (!scope) return { plan: base, recipient, limitedTo: null };
  return { plan: limitToScope(base, scope), recipient, limitedTo: scope.description || 'Only the parts agreed for them' };
}
