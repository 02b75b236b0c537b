/**
 * The slice of FHIR R4 (4.0.1) datatypes and resources CareHouse emits, typed just enough
 * that a misspelt element fails to compile. Not a general FHIR model: only what we write.
 */
export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  system?: string;
  value?: string;
}

/** A reference inside the bundle ('urn:uuid:...'), or a display-only one for outsiders. */
export interface Reference {
  reference?: string;
  type?: string;
  display?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface HumanName {
  use?: 'usual' | 'official' | 'nickname';
  text?: string;
  family?: string;
  given?: string[];
}

export interface ContactPoint {
  system: 'phone' | 'email' | 'other';
  value: string;
  use?: 'home' | 'work' | 'mobile';
  rank?: number;
}

export interface Address {
  text?: string;
  line?: string[];
  postalCode?: string;
}

export interface Annotation {
  text: string;
  time?: string;
}

interface ResourceBase {
  id: string;
  meta?: { lastUpdated?: string };
}

export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  identifier?: Identifier[];
  name?: HumanName[];
  birthDate?: string;
  telecom?: ContactPoint[];
  address?: Address[];
  generalPractitioner?: Reference[];
  communication?: Array<{ language: CodeableConcept; preferred?: boolean }>;
}

export interface Practitioner extends ResourceBase {
  resourceType: 'Practitioner';
  name?: HumanName[];
  telecom?: ContactPoint[];
}

export interface RelatedPerson extends ResourceBase {
  resourceType: 'RelatedPerson';
  patient: Reference;
  relationship?: CodeableConcept[];
  name?: HumanName[];
  telecom?: ContactPoint[];
}

export interface Organization extends ResourceBase {
  resourceType: 'Organization';
  identifier?: Identifier[];
  name: string;
}

export interface Condition extends ResourceBase {
  resourceType: 'Condition';
  clinicalStatus?: CodeableConcept;
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  recordedDate?: string;
  note?: Annotation[];
}

export interface Goal extends ResourceBase {
  resourceType: 'Goal';
  lifecycleStatus: 'proposed' | 'planned' | 'accepted' | 'active' | 'on-hold' | 'completed' | 'cancelled' | 'entered-in-error' | 'rejected';
  achievementStatus?: CodeableConcept;
  priority?: CodeableConcept;
  description: CodeableConcept;
  subject: Reference;
  startDate?: string;
  target?: Array<{ dueDate?: string }>;
  expressedBy?: Reference;
  addresses?: Reference[];
  note?: Annotation[];
}

export interface CareTeam extends ResourceBase {
  resourceType: 'CareTeam';
  status: 'proposed' | 'active' | 'suspended' | 'inactive' | 'entered-in-error';
  name?: string;
  subject: Reference;
  participant: Array<{ role?: CodeableConcept[]; member: Reference; onBehalfOf?: Reference; period?: Period }>;
  note?: Annotation[];
}

export interface Task extends ResourceBase {
  resourceType: 'Task';
  basedOn?: Reference[];
  status:
    | 'draft'
    | 'requested'
    | 'received'
    | 'accepted'
    | 'rejected'
    | 'ready'
    | 'cancelled'
    | 'in-progress'
    | 'on-hold'
    | 'failed'
    | 'completed'
    | 'entered-in-error';
  statusReason?: CodeableConcept;
  intent: 'plan';
  description?: string;
  focus?: Reference;
  for: Reference;
  encounter?: Reference;
  authoredOn?: string;
  owner?: Reference;
  reasonReference?: Reference;
  note?: Annotation[];
  restriction?: { period?: Period };
}

export interface Encounter extends ResourceBase {
  resourceType: 'Encounter';
  status: 'planned' | 'finished' | 'cancelled' | 'in-progress';
  class: Coding;
  type?: CodeableConcept[];
  subject: Reference;
  participant?: Array<{ type?: CodeableConcept[]; individual: Reference }>;
  period?: Period;
  location?: Array<{ location: Reference }>;
}

export interface ConsentProvision {
  type?: 'deny' | 'permit';
  actor?: Array<{ role: CodeableConcept; reference: Reference }>;
  provision?: ConsentProvision[];
}

export interface Consent extends ResourceBase {
  resourceType: 'Consent';
  status: 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive' | 'entered-in-error';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime?: string;
  performer?: Reference[];
  policyRule?: CodeableConcept;
  provision?: ConsentProvision;
}

export interface CarePlan extends ResourceBase {
  resourceType: 'CarePlan';
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'plan';
  identifier?: Identifier[];
  partOf?: Reference[];
  category?: CodeableConcept[];
  title?: string;
  description?: string;
  subject: Reference;
  encounter?: Reference;
  period?: Period;
  created?: string;
  author?: Reference;
  contributor?: Reference[];
  careTeam?: Reference[];
  addresses?: Reference[];
  supportingInfo?: Reference[];
  goal?: Reference[];
  activity?: Array<{ reference?: Reference; detail?: { kind?: string; status: string; description?: string } }>;
  note?: Annotation[];
}

export type FhirResource =
  | Patient
  | Practitioner
  | RelatedPerson
  | Organization
  | Condition
  | Goal
  | CareTeam
  | Task
  | Encounter
  | Consent
  | CarePlan;

export interface BundleEntry {
  fullUrl: string;
  resource: FhirResource;
}

export interface Bundle {
  resourceType: 'Bundle';
  id: string;
  meta?: { lastUpdated?: string; tag?: Coding[] };
  identifier: Identifier;
  type: 'collection';
  timestamp: string;
  entry: BundleEntry[];
}
