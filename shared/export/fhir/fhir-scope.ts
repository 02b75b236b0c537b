import { isLive, type CarePlanSnapshot, type PersonRef } from '../../plan/plan-snapshot';
import type { ExportContext } from '../export-context';
import { nameBasedUuid } from '../name-based-uuid';
import { describePersonRef } from '../plan-people';
import type { Reference } from './fhir-types';

/** Kinds of resource CareHouse emits; part of the name each UUID is derived from. */
export type FhirItemKind =
  | 'patient'
  | 'care-plan'
  | 'condition'
  | 'goal'
  | 'care-team'
  | 'practitioner'
  | 'related-person'
  | 'organization'
  | 'consent'
  | 'task'
  | 'encounter'
  | 'contingency-plan'
  | 'support-plan'
  | 'bundle';

/**
 * Everything the resource builders share: the (already sharing-limited) plan, the context,
 * and stable ids. A UUID is derived from plan id + kind + item id, so the same item has the
 * same fullUrl in every export of every version, and receivers can match them up.
 */
export class FhirScope {
  readonly #emitted = new Set<string>();

  constructor(
    readonly plan: CarePlanSnapshot,
    readonly context: ExportContext,
  ) {}

  uuid(kind: FhirItemKind, itemId: string): string {
    return nameBasedUuid(`${this.context.planId}/${kind}/${itemId}`);
  }

  fullUrl(kind: FhirItemKind, itemId: string): string {
    return `urn:uuid:${this.uuid(kind, itemId)}`;
  }

  /** Records that a resource is in the bundle, so references to it may point at it. */
  emit(kind: FhirItemKind, itemId: string): void {
    this.#emitted.add(`${kind}/${itemId}`);
  }

  has(kind: FhirItemKind, itemId: string): boolean {
    return this.#emitted.has(`${kind}/${itemId}`);
  }

  ref(kind: FhirItemKind, itemId: string, display?: string): Reference {
    return display ? { reference: this.fullUrl(kind, itemId), display } : { reference: this.fullUrl(kind, itemId) };
  }

  patientRef(): Reference {
    return this.ref('patient', 'person');
  }

  /**
   * A PersonRef as a FHIR Reference: to the Patient, Practitioner or RelatedPerson in the
   * bundle, or display-only when that contact was removed or left out for this recipient
   * (a reference must never point outside the bundle).
   */
  personRef(ref: PersonRef | null): Reference | undefined {
    if (ref === null) return undefined;
    if (ref.kind === 'person') return this.patientRef();
    const display = describePersonRef(this.plan, ref) || undefined;
    const kind: FhirItemKind = ref.kind === 'careTeam' ? 'practitioner' : 'related-person';
    if (this.has(kind, ref.contactId)) return this.ref(kind, ref.contactId, display);
    return display ? { display } : undefined;
  }

  liveProfessionals() {
    return this.plan.professionalContacts.filter(isLive);
  }

  livePersonalContacts() {
    return this.plan.personalContacts.filter(isLive);
  }
}

/** FHIR forbids empty strings, arrays and objects; builders write freely and prune once. */
export function pruneEmpty<T>(value: T): T {
  return prune(value) as T;
}

function prune(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, child]) => [key, prune(child)] as const)
      .filter(([, child]) => child !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value === null ? undefined : value;
}

/** The ten digits of an NHS number as typed with spaces, or null when it is not ten digits. */
export function nhsNumberDigits(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}
