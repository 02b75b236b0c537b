import { houseParts, isLive, type CarePlanSnapshot, type ContingencyPlan, type HousePart, type ItemBase, type PersonRef } from '../plan/plan-snapshot';
import { agreementOf, generatedDate, versionText, type ExportContext } from './export-context';
import { houseCompleteness } from '../plan/house-completeness';
import { currentKeyworker } from '../plan/keyworker';
import type { HousePicturePart, PdfBlock, PdfDocumentModel, PdfPage } from './pdf-document-model';
import { actionStatusLabels, goalStatusLabels, housePartShortLabels, serviceStatusLabels } from './plain-labels';
import { describePersonRef, namePersonRef, personCallName, personFullName } from './plan-people';
import { applySharingLimits } from './sharing-limits';

/** The house in a unit box: roof on top, two walls either side of the centre, foundation below. */
const houseOutlines: Record<HousePart, Array<{ x: number; y: number }>> = {
  roof: [
    { x: 0, y: 0.3 },
    { x: 0.5, y: 0 },
    { x: 1, y: 0.3 },
  ],
  leftWall: rect(0.04, 0.32, 0.26, 0.44),
  centre: rect(0.32, 0.32, 0.36, 0.44),
  rightWall: rect(0.7, 0.32, 0.26, 0.44),
  foundation: rect(0, 0.78, 1, 0.22),
};

function rect(x: number, y: number, width: number, height: number): Array<{ x: number; y: number }> {
  return [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + height },
    { x, y: y + height },
  ];
}

function nonEmpty(rows: Array<{ key: string; value: string }>): Array<{ key: string; value: string }> {
  return rows.filter((row) => row.value.trim() !== '');
}

function friendlyDate(date: string | null): string {
  if (date === null) return '';
  const [year, month, day] = date.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const name = month === undefined ? undefined : months[month - 1];
  return name && day && year ? `${day} ${name} ${year}` : date;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One plain line per part of the house: what is in it, in numbers. */
function houseCounts(plan: CarePlanSnapshot): Record<HousePart, string> {
  const live = <T extends ItemBase>(items: T[]): T[] => items.filter(isLive);
  const toDo = live(plan.actions).filter((action) => action.status !== 'done' && action.status !== 'cancelled').length;
  const team = live(plan.professionalContacts);
  return {
    roof: [count(live(plan.meetings).length, 'meeting', 'meetings'), plan.agreement.reviewDate ? `review ${friendlyDate(plan.agreement.reviewDate)}` : 'no review date'].join(', '),
    leftWall: count(live(plan.personalContacts).length, 'family member or carer', 'family members and carers'),
    rightWall: `${count(team.length, 'person', 'people')} in the team${team.some((contact) => contact.isKeyworker) ? ', keyworker named' : ', no keyworker yet'}`,
    centre: `${count(live(plan.goals).length, 'goal', 'goals')}, ${count(toDo, 'action', 'actions')} to do`,
    foundation: count(live(plan.services).length, 'service', 'services'),
  };
}

/** "Priya Nair, Social worker, 0113 555 0100" for the cover; '' when there is none. */
function keyworkerLine(plan: CarePlanSnapshot, context: ExportContext): string {
  const keyworker = currentKeyworker(plan.professionalContacts, generatedDate(context));
  if (!keyworker) return 'Not named yet';
  return [keyworker.name, keyworker.role, keyworker.phone].filter((part) => part.trim()).join(', ');
}

/** Words for the house picture, for people who cannot see it. */
function houseAltText(parts: HousePicturePart[]): string {
  return `The House of Care picture: ${parts.map((part) => `${part.label}, ${Math.round(part.completeness * 100)}% filled in (${part.summary})`).join('; ')}.`;
}

function agreedWithText(context: ExportContext): string {
  const agreement = agreementOf(context);
  return agreement ? `${agreement.agreedWith.join(', ')}, ${friendlyDate(agreement.agreedOn)}` : '';
}

function coverPage(plan: CarePlanSnapshot, context: ExportContext, recipient: string | null, limitedTo: string | null): PdfPage {
  const name = personFullName(plan);
  // The same completeness the plan's home screen shows, so the picture matches the app.
  const completeness = houseCompleteness(plan, { today: generatedDate(context), agreedVersion: agreementOf(context) !== null });
  const counts = houseCounts(plan);
  const parts: HousePicturePart[] = houseParts.map((part) => ({
    part,
    label: housePartShortLabels[part],
    completeness: completeness[part].fraction,
    summary: counts[part],
    outline: houseOutlines[part],
  }));
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: `My care and support plan` },
    { kind: 'paragraph', text: name, strong: true },
    { kind: 'paragraph', text: versionText(context), strong: true },
    ...(context.versionLabel === null
      ? [{ kind: 'paragraph' as const, text: 'This plan has not been agreed yet. It may still change.' }]
      : []),
    {
      kind: 'keyValues',
      rows: nonEmpty([
        { key: 'Date of birth', value: friendlyDate(plan.person.dateOfBirth) },
        { key: 'NHS number', value: plan.person.nhsNumber.trim() },
        { key: 'My keyworker', value: keyworkerLine(plan, context) },
        // Only a real agreed version names who agreed; a draft never says "agreed with".
        { key: 'Agreed with', value: agreedWithText(context) },
        { key: 'Next review', value: friendlyDate(plan.agreement.reviewDate) || 'No date set yet' },
        { key: 'Review arranged by', value: nameOnly(plan, plan.agreement.reviewResponsible) },
        { key: 'Printed', value: friendlyDate(generatedDate(context)) },
        { key: 'Shared with', value: recipient ? `${recipient}${limitedTo ? ` (${limitedTo})` : ''}` : '' },
      ]),
    },
    { kind: 'heading', level: 2, text: 'My House of Care' },
    { kind: 'house', parts, alt: houseAltText(parts) },
  ];
  return { name: 'cover', blocks, fitOnOnePage: true };
}

/** A person as themselves: the person by their own name, others with their role or relationship. */
function nameOnly(plan: CarePlanSnapshot, ref: PersonRef | null): string {
  if (ref?.kind === 'person') return personFullName(plan);
  return describePersonRef(plan, ref);
}

function whatMattersPage(plan: CarePlanSnapshot): PdfPage {
  const { aboutMe } = plan;
  const strengths = plan.strengths.filter(isLive).map((strength) => strength.text);
  return {
    name: 'what-matters',
    fitOnOnePage: false,
    newSheet: true,
    blocks: [
      { kind: 'heading', level: 1, text: 'What matters to me' },
      { kind: 'paragraph', text: aboutMe.whatMatters.trim() || 'Not written yet.' },
      {
        kind: 'keyValues',
        rows: nonEmpty([
          { key: 'People who matter to me', value: aboutMe.importantPeople },
          { key: 'How to talk with me', value: aboutMe.communication },
          { key: 'Good days', value: aboutMe.goodDays },
          { key: 'Bad days', value: aboutMe.badDays },
          { key: 'Please do', value: aboutMe.pleaseDo },
          { key: "Please don't", value: aboutMe.pleaseDont },
          { key: 'How to help me', value: aboutMe.howToSupport },
          { key: 'What helps me look after myself', value: aboutMe.selfManagement },
          { key: 'Also worth knowing', value: aboutMe.alsoWorthKnowing },
        ]),
      },
      ...(strengths.length ? [{ kind: 'heading' as const, level: 2 as const, text: 'What I am good at' }, { kind: 'list' as const, items: strengths }] : []),
    ],
  };
}

function goalsPage(plan: CarePlanSnapshot): PdfPage {
  const goals = plan.goals.filter(isLive).filter((goal) => goal.status !== 'dropped');
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 1, text: 'My goals' }];
  if (goals.length === 0) blocks.push({ kind: 'paragraph', text: 'No goals written yet.' });
  goals.forEach((goal, index) => {
    blocks.push(
      { kind: 'heading', level: 2, text: `${index + 1}. ${goal.words}` },
      {
        kind: 'keyValues',
        rows: nonEmpty([
          { key: 'Why it matters', value: goal.whyItMatters },
          { key: 'How important', value: goal.importance !== null ? `${goal.importance} out of 10` : '' },
          { key: 'How we will know', value: goal.measure },
          { key: 'By', value: friendlyDate(goal.targetDate) },
          { key: 'Where I am', value: goalStatusLabels[goal.status] },
        ]),
      },
    );
    const steps = goal.steps.filter(isLive);
    if (steps.length) blocks.push({ kind: 'list', items: steps.map((step) => `${step.done ? 'Done: ' : ''}${step.text}`) });
  });
  return { name: 'goals', blocks, fitOnOnePage: false };
}

function actionsPage(plan: CarePlanSnapshot): PdfPage {
  const actions = plan.actions.filter(isLive).filter((action) => action.status !== 'cancelled');
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 1, text: 'Who is doing what' }];
  if (actions.length === 0) blocks.push({ kind: 'paragraph', text: 'No actions agreed yet.' });
  for (const action of actions) {
    const owner = namePersonRef(plan, action.owner);
    blocks.push(
      { kind: 'heading', level: 2, text: action.what },
      {
        kind: 'keyValues',
        rows: nonEmpty([
          { key: 'Who', value: owner ? (action.owner?.kind === 'person' || !owner.role ? owner.name : `${owner.name} (${owner.role})`) : 'Not decided yet' },
          { key: 'By when', value: friendlyDate(action.dueDate) || 'No date yet' },
          { key: 'Where it is up to', value: actionStatusLabels[action.status] },
        ]),
      },
    );
  }
  return { name: 'actions', blocks, fitOnOnePage: false };
}

function contactsPage(plan: CarePlanSnapshot, context: ExportContext): PdfPage {
  const keyworker = currentKeyworker(plan.professionalContacts, generatedDate(context));
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 1, text: 'My contacts' }];
  if (keyworker) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'My keyworker' },
      { kind: 'paragraph', text: `${keyworker.name}, ${keyworker.role}${keyworker.organisation ? `, ${keyworker.organisation}` : ''}`, strong: true },
      ...(keyworker.phone || keyworker.email
        ? [{ kind: 'paragraph' as const, text: [keyworker.phone, keyworker.email].filter(Boolean).join('  ·  ') }]
        : []),
    );
  } else {
    blocks.push({ kind: 'paragraph', text: 'No keyworker named yet.' });
  }
  const gp = [plan.person.gpName, plan.person.gpPracticeName].filter((part) => part.trim()).join(', ');
  if (gp) blocks.push({ kind: 'heading', level: 2, text: 'My GP' }, { kind: 'paragraph', text: gp });
  const team = plan.professionalContacts.filter(isLive).filter((contact) => contact !== keyworker);
  if (team.length) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'My care team' },
      {
        kind: 'keyValues',
        rows: team.map((contact) => ({
          key: contact.name,
          value: [contact.role, contact.organisation, contact.phone].filter((part) => part.trim()).join(', '),
        })),
      },
    );
  }
  const family = plan.personalContacts.filter(isLive);
  if (family.length) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Family, friends and carers' },
      {
        kind: 'keyValues',
        rows: family.map((contact) => ({
          key: contact.name,
          value: [
            contact.relationship,
            contact.isEmergencyContact ? 'emergency contact' : '',
            contact.isNextOfKin ? 'next of kin' : '',
            contact.phone,
          ]
            .filter((part) => part.trim())
            .join(', '),
        })),
      },
    );
  }
  return { name: 'contacts', blocks, fitOnOnePage: false };
}

/** The foundation of the house: the services and support the plan relies on. */
function servicesPage(plan: CarePlanSnapshot): PdfPage {
  const services = plan.services.filter(isLive).filter((service) => service.status !== 'ended' && service.status !== 'declined');
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 1, text: 'Services and support' }];
  if (services.length === 0) blocks.push({ kind: 'paragraph', text: 'No services written down yet.' });
  else {
    blocks.push({
      kind: 'keyValues',
      rows: services.map((service) => ({
        key: service.name.trim() || 'A service',
        value: [service.provider, service.contactDetails, service.status ? serviceStatusLabels[service.status] : '', service.notes].filter((part) => part.trim()).join(', '),
      })),
    });
  }
  return { name: 'services', blocks, fitOnOnePage: false };
}

function contactLine(plan: CarePlanSnapshot, id: string): string | null {
  const pro = plan.professionalContacts.find((contact) => contact.id === id && isLive(contact));
  if (pro) return [pro.name, pro.role, pro.phone].filter((part) => part.trim()).join(', ');
  const personal = plan.personalContacts.find((contact) => contact.id === id && isLive(contact));
  if (personal) return [personal.name, personal.relationship, personal.phone].filter((part) => part.trim()).join(', ');
  return null;
}

/** The "if I'm unwell" sheet for the fridge: always one page, whatever it takes. */
function unwellPage(plan: CarePlanSnapshot, contingency: ContingencyPlan | null): PdfPage {
  const name = personCallName(plan);
  if (contingency === null) {
    return {
      name: 'if-unwell',
      fitOnOnePage: true,
      blocks: [
        { kind: 'heading', level: 1, text: "If I'm unwell" },
        { kind: 'paragraph', text: `${name}'s plan for when things go wrong has not been written yet. Ask the care team.` },
      ],
    };
  }
  const triggers = contingency.triggers.filter(isLive).map((trigger) => trigger.text);
  const people = contingency.contactIds.flatMap((id) => {
    const line = contactLine(plan, id);
    return line ? [line] : [];
  });
  const title = contingency.name.trim() ? `If I'm unwell: ${contingency.name.trim()}` : "If I'm unwell";
  return {
    name: 'if-unwell',
    fitOnOnePage: true,
    blocks: [
      { kind: 'heading', level: 1, text: title },
      { kind: 'paragraph', text: `${personFullName(plan)}${plan.person.dateOfBirth ? `, born ${friendlyDate(plan.person.dateOfBirth)}` : ''}${plan.person.nhsNumber.trim() ? `, NHS number ${plan.person.nhsNumber.trim()}` : ''}` },
      { kind: 'heading', level: 2, text: 'Warning signs' },
      triggers.length ? { kind: 'list', items: triggers } : { kind: 'paragraph', text: 'None written yet.' },
      { kind: 'heading', level: 2, text: 'What to do' },
      { kind: 'paragraph', text: contingency.whatShouldHappen.trim() || 'Not written yet. Ask the care team.', strong: true },
      { kind: 'heading', level: 2, text: 'Who to call' },
      {
        kind: 'keyValues',
        rows: nonEmpty([
          { key: 'In the day (in hours)', value: contingency.contactInHours },
          { key: 'Evenings, nights, weekends', value: contingency.contactOutOfHours },
          ...people.map((line, index) => ({ key: index === 0 ? 'People to call' : '', value: line })),
          { key: 'Emergency', value: '999' },
        ]),
      },
      ...(contingency.copingStrategies.trim()
        ? [{ kind: 'heading' as const, level: 2 as const, text: 'What helps me' }, { kind: 'paragraph' as const, text: contingency.copingStrategies }]
        : []),
      {
        kind: 'keyValues',
        rows: nonEmpty([
          {
            key: 'My medicines and equipment',
            value: contingency.anticipatoryMedicines + (contingency.anticipatoryMedicinesLocation ? ` — kept: ${contingency.anticipatoryMedicinesLocation}` : ''),
          },
          {
            key: 'My advance statement',
            value: contingency.advanceStatement + (contingency.advanceStatementLocation ? ` — kept: ${contingency.advanceStatementLocation}` : ''),
          },
          { key: 'ReSPECT / urgent care plan', value: contingency.respectLink },
        ]),
      },
    ],
  };
}

/** Who the sheet is about, on every page so a loose page still says whose it is. */
function identityLine(plan: CarePlanSnapshot): string {
  return [
    personFullName(plan),
    plan.person.dateOfBirth ? `born ${friendlyDate(plan.person.dateOfBirth)}` : '',
    plan.person.nhsNumber.trim() ? `NHS number ${plan.person.nhsNumber.trim()}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The person's PDF as a document model: cover with the house, what matters, goals,
 * actions, contacts and GP, services, then one "If I'm unwell" sheet per contingency plan.
 * Plain words, large type (16 pt body); who it is about in the header and the version or
 * DRAFT in the footer of every page, and no internal ids anywhere.
 */
export function buildPdfModel(snapshot: CarePlanSnapshot, context: ExportContext): PdfDocumentModel {
  const { plan, recipient, limitedTo } = applySharingLimits(snapshot, context);
  const name = personFullName(plan);
  const version = versionText(context);
  const contingencies = plan.contingencyPlans.filter(isLive);
  return {
    title: `Care and support plan — ${name}`,
    lang: 'en-GB',
    author: 'CareHouse',
    subject: `Personalised care and support plan for ${name}. ${version}.`,
    versionText: version,
    headerText: identityLine(plan),
    footerText: version,
    baseFontSize: 16,
    minFontSize: 8,
    createdAt: context.generatedAt,
    pages: [
      coverPage(plan, context, recipient, limitedTo),
      whatMattersPage(plan),
      goalsPage(plan),
      actionsPage(plan),
      contactsPage(plan, context),
      servicesPage(plan),
      ...(contingencies.length ? contingencies.map((contingency) => unwellPage(plan, contingency)) : [unwellPage(plan, null)]),
    ],
  };
}

/** Only the contingency sheet(s): for printing the fridge copy on its own. */
export function buildUnwellSheetModel(snapshot: CarePlanSnapshot, context: ExportContext): PdfDocumentModel {
  const full = buildPdfModel(snapshot, context);
  return { ...full, title: `If I'm unwell — ${full.title.replace(/^Care and support plan — /, '')}`, pages: full.pages.filter((page) => page.name === 'if-unwell') };
}
