import { dateOfMoment, validateCalendarDate } from './calendar-date';
import type { CollectionFieldSpec, FieldSpec, FieldSpecs } from './field-spec';
import { formatCount } from './format-count';
import { keyworkersOn, overlappingKeyworkers } from './keyworker';
import { validateNhsNumber } from './nhs-number';
import type { PlanProblem } from './plan-problem';
import { collectionSections, isPlanSectionKey, recordSections } from './plan-schema';
import { isLive, type CarePlanSnapshot, type ItemBase, type PersonRef } from './plan-snapshot';

/**
 * Checks a whole plan and explains every problem in plain words. Pure: it reads only the
 * snapshot (and `today` when given), so the UI, "agree the plan" and tests all get the
 * same answer. Removed items are not checked: they are history, not the plan.
 */
export interface ValidationOptions {
  /**
   * The date the keyworker must be current on. Defaults to the plan's own date (last
   * updated, else agreed, else created), so the same plan always validates the same way.
   */
  today?: string;
}

/** Every problem, blocking and advisory. */
export function validatePlan(snapshot: CarePlanSnapshot, options: ValidationOptions = {}): PlanProblem[] {
  const problems: PlanProblem[] = [];
  checkStoredValues(snapshot, problems);
  checkPerson(snapshot, problems, options);
  checkGoals(snapshot, problems);
  checkActions(snapshot, problems);
  checkCareTeam(snapshot, problems, options);
  checkContingencyPlans(snapshot, problems);
  checkConsent(snapshot, problems);
  checkAgreement(snapshot, problems);
  return problems;
}

/** The problems that stop the plan being agreed. */
export function listBlockingProblems(snapshot: CarePlanSnapshot, options: ValidationOptions = {}): PlanProblem[] {
  return validatePlan(snapshot, options).filter((problem) => problem.blocking);
}

/** The date the plan speaks for: last updated, else agreed, else created. */
export function planDate(snapshot: CarePlanSnapshot): string | null {
  return snapshot.agreement.lastUpdated ?? snapshot.agreement.agreedOn ?? dateOfMoment(snapshot.meta.createdAt);
}

function block(problems: PlanProblem[], path: string[], message: string): void {
  problems.push({ path, message, blocking: true });
}
function advise(problems: PlanProblem[], path: string[], message: string): void {
  problems.push({ path, message, blocking: false });
}

// --- Values against the schema table: lengths, dates, numbers, list sizes -----------------

function checkStoredValues(snapshot: CarePlanSnapshot, problems: PlanProblem[]): void {
  for (const [key, fields] of Object.entries(recordSections) as Array<[keyof typeof recordSections, FieldSpecs]>) {
    checkRecordValues(snapshot[key] as unknown as Record<string, unknown>, fields, [key], problems);
  }
  for (const [key, spec] of Object.entries(collectionSections) as Array<[keyof typeof collectionSections, CollectionFieldSpec]>) {
    checkCollectionValues(snapshot[key], spec, [key], problems);
  }
}

function checkCollectionValues(items: readonly ItemBase[], spec: CollectionFieldSpec, path: string[], problems: PlanProblem[]): void {
  if (items.length > spec.maxItems) {
    block(problems, path, `${spec.label}: there are ${formatCount(items.length)}, the most a plan can hold is ${formatCount(spec.maxItems)}`);
  }
  for (const item of items) {
    if (!isLive(item)) continue;
    checkRecordValues(item as unknown as Record<string, unknown>, spec.fields, [...path, item.id], problems);
  }
}

function checkRecordValues(record: Record<string, unknown>, fields: FieldSpecs, path: string[], problems: PlanProblem[]): void {
  for (const [key, spec] of Object.entries(fields)) checkValue(record[key], spec, [...path, key], problems);
}

function checkValue(value: unknown, spec: FieldSpec, path: string[], problems: PlanProblem[]): void {
  switch (spec.kind) {
    case 'text':
      if (typeof value === 'string' && value.length > spec.maxLength) {
        block(problems, path, `"${spec.label}" is too long: ${formatCount(value.length)} characters, the most is ${formatCount(spec.maxLength)}`);
      }
      return;
    case 'date':
      if (typeof value === 'string') {
        const wrong = validateCalendarDate(value);
        if (wrong) block(problems, path, `${spec.label}: ${wrong.charAt(0).toLowerCase()}${wrong.slice(1)}`);
      }
      return;
    case 'integer':
      if (typeof value === 'number' && (!Number.isInteger(value) || value < spec.min || value > spec.max)) {
        block(problems, path, `${spec.label} must be a whole number from ${spec.min} to ${spec.max}`);
      }
      return;
    case 'idSet':
      if (Array.isArray(value) && value.length > spec.maxItems) {
        block(problems, path, `${spec.label}: too many links (the most is ${spec.maxItems})`);
      }
      return;
    case 'collection':
      if (Array.isArray(value)) checkCollectionValues(value as ItemBase[], spec, path, problems);
      return;
    case 'choice':
    case 'flag':
    case 'personRef':
    case 'itemRef':
      return;
  }
}

// --- Rules about the content ---------------------------------------------------------------

function checkPerson(snapshot: CarePlanSnapshot, problems: PlanProblem[], options: ValidationOptions): void {
  const { person } = snapshot;
  if (!person.firstName.trim()) block(problems, ['person', 'firstName'], "Add the person's first name");
  if (!person.familyName.trim()) block(problems, ['person', 'familyName'], "Add the person's family name");
  if (person.nhsNumber.trim()) {
    const wrong = validateNhsNumber(person.nhsNumber);
    if (wrong) block(problems, ['person', 'nhsNumber'], wrong);
  } else {
    advise(problems, ['person', 'nhsNumber'], 'Add the NHS number if the person has one, so records can be matched');
  }
  if (person.dateOfBirth === null) advise(problems, ['person', 'dateOfBirth'], 'Add the date of birth');
  const reference = options.today ?? planDate(snapshot);
  if (person.dateOfBirth !== null && reference !== null && person.dateOfBirth > reference) {
    block(problems, ['person', 'dateOfBirth'], 'The date of birth is in the future');
  }
  if (!snapshot.aboutMe.whatMatters.trim()) {
    advise(problems, ['aboutMe', 'whatMatters'], 'Write down what matters most to the person, in their words');
  }
}

function checkGoals(snapshot: CarePlanSnapshot, problems: PlanProblem[]): void {
  const needIds = new Set(snapshot.needs.filter(isLive).map((need) => need.id));
  for (const goal of snapshot.goals.filter(isLive)) {
    if (!goal.words.trim()) block(problems, ['goals', goal.id, 'words'], "Write the goal in the person's own words");
    if (goal.importance === null) advise(problems, ['goals', goal.id, 'importance'], 'Ask how important this goal is, from 1 to 10');
    if (goal.linkedNeedIds.some((id) => !needIds.has(id))) {
      advise(problems, ['goals', goal.id, 'linkedNeedIds'], 'This goal is linked to a need that is no longer in the plan');
    }
  }
}

function refProblem(snapshot: CarePlanSnapshot, ref: PersonRef): string | null {
  if (ref.kind === 'person') return null;
  const list = ref.kind === 'careTeam' ? snapshot.professionalContacts : snapshot.personalContacts;
  const contact = list.find((entry) => entry.id === ref.contactId);
  if (!contact) return 'names someone who is not in the plan';
  if (!isLive(contact)) return `names ${contact.name || 'someone'}, who has been removed from the plan`;
  return null;
}

function checkActions(snapshot: CarePlanSnapshot, problems: PlanProblem[]): void {
  const goalIds = new Set(snapshot.goals.filter(isLive).map((goal) => goal.id));
  const meetingIds = new Set(snapshot.meetings.filter(isLive).map((meeting) => meeting.id));
  for (const action of snapshot.actions.filter(isLive)) {
    const path = ['actions', action.id];
    if (!action.what.trim()) block(problems, [...path, 'what'], 'Say what this action is');
    if (action.owner === null) {
      block(problems, [...path, 'owner'], `Say who will do this: ${action.what.trim() || 'an action'} has no owner`);
    } else {
      const wrong = refProblem(snapshot, action.owner);
      if (wrong) block(problems, [...path, 'owner'], `Who will do it ${wrong}`);
    }
    if (action.checkedBy !== null) {
      const wrong = refProblem(snapshot, action.checkedBy);
      if (wrong) advise(problems, [...path, 'checkedBy'], `Who checks it ${wrong}`);
    }
    if (action.goalIds.some((id) => !goalIds.has(id))) {
      advise(problems, [...path, 'goalIds'], 'This action serves a goal that is no longer in the plan');
    }
    if (action.agreedAtMeetingId !== null && !meetingIds.has(action.agreedAtMeetingId)) {
      advise(problems, [...path, 'agreedAtMeetingId'], 'The meeting that agreed this action is not in the plan');
    }
  }
}

function checkCareTeam(snapshot: CarePlanSnapshot, problems: PlanProblem[], options: ValidationOptions): void {
  const team = snapshot.professionalContacts;
  for (const contact of team.filter(isLive)) {
    if (!contact.name.trim()) block(problems, ['professionalContacts', contact.id, 'name'], 'Every member of the care team needs a name');
    if (contact.isKeyworker && contact.keyworkerFrom !== null && contact.keyworkerUntil !== null && contact.keyworkerFrom > contact.keyworkerUntil) {
      block(problems, ['professionalContacts', contact.id, 'keyworkerUntil'], `${contact.name}'s time as keyworker ends before it starts`);
    }
  }
  for (const contact of snapshot.personalContacts.filter(isLive)) {
    if (!contact.name.trim()) block(problems, ['personalContacts', contact.id, 'name'], 'Every family member, friend or carer listed needs a name');
  }
  const date = options.today ?? planDate(snapshot);
  if (date !== null) {
    const current = keyworkersOn(team, date);
    if (current.length === 0) {
      block(problems, ['professionalContacts'], `Name one keyworker: nobody in the care team is the keyworker on ${date}`);
    } else if (current.length > 1) {
      block(
        problems,
        ['professionalContacts'],
        `Only one person can be the keyworker at a time, but on ${date} it is ${current.map((contact) => contact.name || 'someone unnamed').join(' and ')}`,
      );
    }
  }
  for (const [first, second] of overlappingKeyworkers(team)) {
    if (date !== null && keyworkersOn([first, second], date).length === 2) continue; // already reported above
    block(
      problems,
      ['professionalContacts', second.id, 'keyworkerFrom'],
      `${first.name || 'Someone'} and ${second.name || 'someone else'} are both keyworker for a while: make one hand over to the other`,
    );
  }
}

function checkContingencyPlans(snapshot: CarePlanSnapshot, problems: PlanProblem[]): void {
  for (const plan of snapshot.contingencyPlans.filter(isLive)) {
    const path = ['contingencyPlans', plan.id];
    const name = plan.name.trim() || 'This contingency plan';
    if (!plan.triggers.some((trigger) => isLive(trigger) && trigger.text.trim())) {
      block(problems, [...path, 'triggers'], `${name} needs at least one warning sign: what tells you it is time to use it?`);
    }
    if (!plan.whatShouldHappen.trim()) advise(problems, [...path, 'whatShouldHappen'], `${name}: say what should happen`);
    if (plan.reviewOwner !== null) {
      const wrong = refProblem(snapshot, plan.reviewOwner);
      if (wrong) advise(problems, [...path, 'reviewOwner'], `Who reviews it ${wrong}`);
    }
  }
}

function checkConsent(snapshot: CarePlanSnapshot, problems: PlanProblem[]): void {
  const { consent } = snapshot;
  if (consent.status === 'notYetAsked') {
    advise(problems, ['consent', 'status'], 'Ask the person whether they agree to their plan being shared with the team');
  }
  if ((consent.status === 'declined' || consent.status === 'lacksCapacityBestInterests') && consent.legalBasis === null) {
    advise(problems, ['consent', 'legalBasis'], 'Record the legal basis for sharing without consent (direct care, or safeguarding / statutory duty)');
  }
  if (consent.status === 'lacksCapacityBestInterests' && !consent.bestInterestsNotes.trim()) {
    advise(problems, ['consent', 'bestInterestsNotes'], 'Record the best-interests decision and who was consulted');
  }
  for (const scope of consent.sharingScopes.filter(isLive)) {
    const unknown = scope.sections.filter((section) => !isPlanSectionKey(section));
    if (unknown.length > 0) {
      block(problems, ['consent', 'sharingScopes', scope.id, 'sections'], `What ${scope.who || 'they'} may see names parts that are not in the plan: ${unknown.join(', ')}`);
    }
  }
}

function checkAgreement(snapshot: CarePlanSnapshot, problems: PlanProblem[]): void {
  const { agreement } = snapshot;
  const date = planDate(snapshot);
  if (agreement.reviewDate === null) {
    block(problems, ['agreement', 'reviewDate'], 'Set a date to review the plan');
  } else if (date !== null && agreement.reviewDate < date) {
    block(problems, ['agreement', 'reviewDate'], `The review date (${agreement.reviewDate}) is before the plan's date (${date})`);
  }
  if (agreement.reviewResponsible === null) {
    advise(problems, ['agreement', 'reviewResponsible'], 'Say who will arrange the review');
  } else {
    const wrong = refProblem(snapshot, agreement.reviewResponsible);
    if (wrong) block(problems, ['agreement', 'reviewResponsible'], `Who arranges the review ${wrong}`);
  }
}
