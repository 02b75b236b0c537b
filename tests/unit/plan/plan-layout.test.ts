import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  aboutMeText,
  buildExamplePlan,
  collectionSections,
  createItem,
  emptyPlanSnapshot,
  examplePlanNames,
  getPlanText,
  initialisePlanDoc,
  personText,
  plainItem,
  planRootKeys,
  planSectionKeys,
  readPlanSnapshot,
  recordSections,
  sectionTitle,
  summarisePlan,
  updateItem,
  updateRecordSection,
  writePlanSnapshot,
  type Action,
  type CarePlanSnapshot,
  type Goal,
} from '../../../shared/plan';
import * as schema from '../../../shared/plan';

const createdAt = '2025-03-14T09:00:00.000Z';
const tom = { by: 'Tom Reid', at: '2025-03-14T10:00:00.000Z' };

describe('plan layout', () => {
  it('keeps each section as its own root, all Y.Maps, plus meta', () => {
    const doc = new Y.Doc();
    initialisePlanDoc(doc, createdAt);
    expect(planRootKeys).toEqual(['meta', ...planSectionKeys]);
    for (const key of planSectionKeys) expect(Object.hasOwn(recordSections, key) || Object.hasOwn(collectionSections, key)).toBe(true);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(2);
    expect(personText(doc, 'firstName')).toBeInstanceOf(Y.Text);
    expect(aboutMeText(doc, 'whatMatters')).toBeInstanceOf(Y.Text);
    // Every text field of every record exists from the start (never created lazily).
    for (const key of ['person', 'aboutMe', 'consent', 'agreement'] as const) {
      for (const [field, spec] of Object.entries(recordSections[key])) {
        if (spec.kind === 'text') expect(doc.getMap(key).get(field), `${key}.${field}`).toBeInstanceOf(Y.Text);
      }
    }
    expect(sectionTitle('contingencyPlans')).toBe('Contingency and safety plans');
    expect(sectionTitle('aboutMe')).toBe('About me');
  });

  it('does not re-initialise (and so never replaces text in) an existing plan', () => {
    const doc = new Y.Doc();
    initialisePlanDoc(doc, createdAt);
    personText(doc, 'firstName')?.insert(0, 'Jill');
    initialisePlanDoc(doc, '2030-01-01T00:00:00.000Z');
    expect(personText(doc, 'firstName')?.toString()).toBe('Jill');
    expect(doc.getMap('meta').get('createdAt')).toBe(createdAt);
  });

  it('round-trips every section written through the helpers', () => {
    const doc = new Y.Doc();
    initialisePlanDoc(doc, createdAt);
    const expected: CarePlanSnapshot = emptyPlanSnapshot(createdAt);

    const person = { firstName: 'Jill', familyName: 'Marsh', preferredName: 'Jill', dateOfBirth: '1944-03-02', nhsNumber: '999 526 0182', preferredContactMethod: 'phone', interpreterNeeded: false } as const;
    updateRecordSection(doc, 'person', person);
    Object.assign(expected.person, person);
    const aboutMe = { whatMatters: 'Stay in my own home', selfManagement: 'My inhalers', dateUpdated: '2025-03-14' };
    updateRecordSection(doc, 'aboutMe', aboutMe);
    Object.assign(expected.aboutMe, aboutMe);

    const item = <T extends { id: string }>(fields: schema.FieldSpecs, values: Record<string, unknown>, id: string): T =>
      plainItem(fields, { ...values, id } as never, tom) as unknown as T;

    const strengthId = createItem(doc, ['strengths'], { text: 'Lives independently', domain: 'dailyLiving' }, tom);
    expected.strengths.push(item(schema.strengthFields, { text: 'Lives independently', domain: 'dailyLiving' }, strengthId));
    const needId = createItem(doc, ['needs'], { text: 'Scared of falling', domain: 'safetyAndSafeguarding', response: 'adjustment' }, tom);
    expected.needs.push(item(schema.needFields, { text: 'Scared of falling', domain: 'safetyAndSafeguarding', response: 'adjustment' }, needId));

    const priyaId = createItem(doc, ['professionalContacts'], { name: 'Priya Nair', role: 'Social worker', sector: 'socialCare', isKeyworker: true, keyworkerFrom: '2025-01-01' }, tom);
    expected.professionalContacts.push(item(schema.professionalContactFields, { name: 'Priya Nair', role: 'Social worker', sector: 'socialCare', isKeyworker: true, keyworkerFrom: '2025-01-01' }, priyaId));
    const karenId = createItem(doc, ['personalContacts'], { name: 'Karen Marsh', relationship: 'Daughter', isCarer: true, isNextOfKin: true, isEmergencyContact: true }, tom);
    expected.personalContacts.push(item(schema.personalContactFields, { name: 'Karen Marsh', relationship: 'Daughter', isCarer: true, isNextOfKin: true, isEmergencyContact: true }, karenId));

    const goalId = createItem(doc, ['goals'], { words: 'Feel safe moving around my house', importance: 10, status: 'active', linkedNeedIds: [needId], targetDate: '2025-06-14', priority: 'high', measure: 'No falls', whyItMatters: 'Home' }, tom);
    const stepId = createItem(doc, ['goals', goalId, 'steps'], { text: 'OT visit', done: true }, tom);
    const scoreId = createItem(doc, ['goals', goalId, 'progress'], { date: '2025-04-01', score: 4, note: 'Rails fitted', recordedBy: 'Jill' }, tom);
    const expectedGoal: Goal = {
      id: goalId,
      words: 'Feel safe moving around my house',
      whyItMatters: 'Home',
      priority: 'high',
      importance: 10,
      measure: 'No falls',
      targetDate: '2025-06-14',
      linkedNeedIds: [needId],
      status: 'active',
      steps: [{ id: stepId, text: 'OT visit', done: true, createdAt: tom.at, createdBy: tom.by, removedAt: null, removedBy: null }],
      progress: [{ id: scoreId, date: '2025-04-01', score: 4, note: 'Rails fitted', recordedBy: 'Jill', createdAt: tom.at, createdBy: tom.by, removedAt: null, removedBy: null }],
      createdAt: tom.at,
      createdBy: tom.by,
      removedAt: null,
      removedBy: null,
    };
    expected.goals.push(expectedGoal);

    const meetingId = createItem(doc, ['meetings'], { date: '2025-03-14', type: 'mdt', chair: 'Dr Amina Shah', personAttended: true, privateFamilyTimeShared: false }, tom);
    const attendeeId = createItem(doc, ['meetings', meetingId, 'attendees'], { name: 'Karen Marsh', role: 'Daughter', contactId: karenId }, tom);
    const apologyId = createItem(doc, ['meetings', meetingId, 'apologies'], { name: 'Sam Okoro', role: 'OT' }, tom);
    const agendaId = createItem(doc, ['meetings', meetingId, 'agendaItems'], { title: 'Falls', decision: 'OT visit', dissent: 'None', bottomLines: 'Safety' }, tom);
    const meeting = item<schema.Meeting>(schema.meetingFields, { date: '2025-03-14', type: 'mdt', chair: 'Dr Amina Shah', personAttended: true }, meetingId);
    meeting.attendees = [item(schema.meetingAttendeeFields, { name: 'Karen Marsh', role: 'Daughter', contactId: karenId }, attendeeId)];
    meeting.apologies = [item(schema.meetingApologyFields, { name: 'Sam Okoro', role: 'OT' }, apologyId)];
    meeting.agendaItems = [item(schema.agendaItemFields, { title: 'Falls', decision: 'OT visit', dissent: 'None', bottomLines: 'Safety' }, agendaId)];
    expected.meetings.push(meeting);

    const actionValues = { what: 'OT home visit', owner: { kind: 'careTeam', contactId: priyaId }, dueDate: '2025-03-28', goalIds: [goalId], housePart: 'rightWall', status: 'inProgress', checkedBy: { kind: 'person' }, agreedAtMeetingId: meetingId } as const;
    const actionId = createItem(doc, ['actions'], actionValues, tom);
    expected.actions.push(item<Action>(schema.actionFields, { ...actionValues, owner: { kind: 'careTeam', contactId: priyaId }, checkedBy: { kind: 'person' }, goalIds: [goalId] }, actionId));

    const contingencyId = createItem(doc, ['contingencyPlans'], { name: 'If my chest gets bad', whatShouldHappen: 'Rescue pack', contactIds: [karenId], reviewDate: '2025-06-14', reviewOwner: { kind: 'personalContact', contactId: karenId } }, tom);
    const triggerId = createItem(doc, ['contingencyPlans', contingencyId, 'triggers'], { text: 'Fever' }, tom);
    const contingency = item<schema.ContingencyPlan>(schema.contingencyPlanFields, { name: 'If my chest gets bad', whatShouldHappen: 'Rescue pack', contactIds: [karenId], reviewDate: '2025-06-14', reviewOwner: { kind: 'personalContact', contactId: karenId } }, contingencyId);
    contingency.triggers = [item(schema.contingencyTriggerFields, { text: 'Fever' }, triggerId)];
    expected.contingencyPlans.push(contingency);

    const supportId = createItem(doc, ['supportPlans'], { name: 'OT plan', content: 'Rails', lastUpdated: '2025-03-14' }, tom);
    expected.supportPlans.push(item(schema.supportPlanFields, { name: 'OT plan', content: 'Rails', lastUpdated: '2025-03-14' }, supportId));
    const serviceId = createItem(doc, ['services'], { name: 'Lunch club', kind: 'communityOffer', status: 'active' }, tom);
    expected.services.push(item(schema.supportServiceFields, { name: 'Lunch club', kind: 'communityOffer', status: 'active' }, serviceId));

    updateRecordSection(doc, 'consent', { status: 'given', legalBasis: 'consent', recordedBy: 'Dr Shah', recordedOn: '2025-03-14', toldWhoIsInTeam: true });
    Object.assign(expected.consent, { status: 'given', legalBasis: 'consent', recordedBy: 'Dr Shah', recordedOn: '2025-03-14', toldWhoIsInTeam: true });
    const dnsId = createItem(doc, ['consent', 'doNotShare'], { who: 'Her neighbour' }, tom);
    expected.consent.doNotShare.push(item(schema.doNotShareFields, { who: 'Her neighbour' }, dnsId));
    const scopeId = createItem(doc, ['consent', 'sharingScopes'], { who: 'School', sections: ['supportPlans'], itemIds: [supportId] }, tom);
    expected.consent.sharingScopes.push(item(schema.sharingScopeFields, { who: 'School', sections: ['supportPlans'], itemIds: [supportId] }, scopeId));
    const lpaId = createItem(doc, ['consent', 'lastingPowersOfAttorney'], { kind: 'healthAndWelfare', attorneyName: 'Karen Marsh', registered: true }, tom);
    expected.consent.lastingPowersOfAttorney.push(item(schema.lastingPowerOfAttorneyFields, { kind: 'healthAndWelfare', attorneyName: 'Karen Marsh', registered: true }, lpaId));
    const adrtId = createItem(doc, ['consent', 'advanceDecisions'], { decision: 'No ventilation', madeOn: '2024-01-01' }, tom);
    expected.consent.advanceDecisions.push(item(schema.advanceDecisionFields, { decision: 'No ventilation', madeOn: '2024-01-01' }, adrtId));

    const agreement = { agreedBy: 'person', agreedWithName: 'Jill Marsh', agreedOn: '2025-03-14', lastUpdated: '2025-03-14', reviewDate: '2025-06-14', reviewResponsible: { kind: 'careTeam', contactId: priyaId }, fundingSource: 'NHS' } as const;
    updateRecordSection(doc, 'agreement', agreement);
    Object.assign(expected.agreement, { ...agreement, reviewResponsible: { kind: 'careTeam', contactId: priyaId } });

    const snapshot = readPlanSnapshot(doc);
    expect(snapshot).toEqual(expected);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);

    // Through the wire, and back in through writePlanSnapshot.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    expect(readPlanSnapshot(remote)).toEqual(expected);
    const reloaded = new Y.Doc();
    writePlanSnapshot(reloaded, snapshot);
    expect(readPlanSnapshot(reloaded)).toEqual(expected);

    expect(summarisePlan(doc, '2025-03-14')).toEqual({ personName: 'Jill Marsh', nhsNumber: '999 526 0182', keyworker: 'Priya Nair', reviewDate: '2025-06-14' });
  });

  it('gives the live Y.Text of any text field by path, and updates text fields as a whole', () => {
    const doc = new Y.Doc();
    initialisePlanDoc(doc, createdAt);
    const goalId = createItem(doc, ['goals'], { words: 'Walk' }, tom);
    const stepId = createItem(doc, ['goals', goalId, 'steps'], {}, tom);
    getPlanText(doc, ['goals', goalId, 'steps', stepId, 'text'])?.insert(0, 'First step');
    getPlanText(doc, ['consent', 'legalBasisNotes'])?.insert(0, 'Direct care');
    updateItem(doc, ['goals'], goalId, { words: 'Walk to the shop', importance: 7 });
    const snapshot = readPlanSnapshot(doc);
    expect(snapshot.goals[0]?.steps[0]?.text).toBe('First step');
    expect(snapshot.goals[0]?.words).toBe('Walk to the shop');
    expect(snapshot.consent.legalBasisNotes).toBe('Direct care');
    expect(getPlanText(doc, ['goals', 'no-such-goal', 'words'])).toBeUndefined();
    expect(() => updateItem(doc, ['goals'], goalId, { status: 'finished' as never })).toThrow(/cannot be finished/);
  });

  it('round-trips every example plan through a document', () => {
    for (const name of examplePlanNames) {
      const doc = new Y.Doc();
      buildExamplePlan(name, doc, { today: '2026-03-10' });
      const snapshot = readPlanSnapshot(doc);
      const again = new Y.Doc();
      writePlanSnapshot(again, snapshot);
      expect(readPlanSnapshot(again)).toEqual(snapshot);
    }
  });

  it('refuses to load a snapshot with the wrong shape, changing nothing', () => {
    const doc = new Y.Doc();
    const bad = { ...emptyPlanSnapshot(createdAt), goals: [{ id: 'g1', words: 42 }] } as unknown as CarePlanSnapshot;
    expect(() => writePlanSnapshot(doc, bad)).toThrow(/cannot be loaded/);
    expect(doc.getMap('meta').size).toBe(0);
  });
});
