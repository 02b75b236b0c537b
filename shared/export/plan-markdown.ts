import { isLive, type CarePlanSnapshot, type PersonRef } from '../plan/plan-snapshot';
import { agreementOf, generatedDate, versionText, type ExportContext } from './export-context';
import {
  actionStatusLabels,
  careSectorLabels,
  consentStatusLabels,
  contactMethodLabels,
  goalPriorityLabels,
  goalStatusLabels,
  housePartLabels,
  labelOf,
  legalBasisLabels,
  lifeDomainLabels,
  meetingTypeLabels,
  serviceKindLabels,
  serviceStatusLabels,
} from './plain-labels';
import { describeMeeting, describePersonRef, goalWordsFor, personFullName } from './plan-people';
import { applySharingLimits } from './sharing-limits';
import { utf8Bytes } from './utf8-bytes';

/**
 * Escapes text typed by people so it reads as typed when pasted into another record:
 * Markdown punctuation is backslash-escaped, and newlines become line breaks inside the
 * same paragraph or list item.
 */
export function markdownText(value: string): string {
  return value
    .trim()
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .replace(/^([-+]|\d+\.)(\s)/gm, '\\$1$2')
    .replace(/\r\n|\r|\n/g, '  \n  ');
}

/** "- **Label:** value" when the value is not empty. */
function field(label: string, value: string | number | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const text = typeof value === 'number' ? String(value) : value;
  return text.trim() ? [`- **${label}:** ${markdownText(text)}`] : [];
}

function flag(label: string, value: boolean): string[] {
  return value ? [`- ${label}`] : [];
}

function section(title: string, body: string[], empty = 'Nothing recorded yet.'): string[] {
  const lines = [...body];
  while (lines.at(-1) === '') lines.pop();
  return [`## ${title}`, '', ...(lines.length ? lines : [`_${empty}_`]), ''];
}

function who(plan: CarePlanSnapshot, ref: PersonRef | null): string {
  return describePersonRef(plan, ref);
}

/**
 * The whole plan as Markdown for pasting into other records: every section, removed items
 * left out (they stay in CareHouse's history), the version or DRAFT at the top.
 */
export function buildPlanMarkdownText(snapshot: CarePlanSnapshot, context: ExportContext): string {
  const { plan, recipient, limitedTo } = applySharingLimits(snapshot, context);
  const { person, aboutMe, consent, agreement } = plan;
  const out: string[] = [
    `# Personalised care and support plan: ${markdownText(personFullName(plan))}`,
    '',
    `> **${markdownText(versionText(context))}** · plan ${markdownText(context.planId)} · exported ${generatedDate(context)}`,
    ...(recipient ? ['>', `> Shared with ${markdownText(recipient)}${limitedTo ? `: ${markdownText(limitedTo)}` : ''}`] : []),
    '',
  ];

  out.push(
    ...section('Person', [
      ...field('Name', personFullName(plan)),
      ...field('Preferred name', person.preferredName),
      ...field('Date of birth', person.dateOfBirth),
      ...field('NHS number', person.nhsNumber),
      ...field('Other identifier', person.otherIdentifier),
      ...field('Address', [person.address, person.postcode].filter((part) => part.trim()).join(', ')),
      ...field('Phone', person.phone),
      ...field('Email', person.email),
      ...field('Preferred contact', labelOf(contactMethodLabels, person.preferredContactMethod)),
      ...field('Contact notes', person.contactNotes),
      ...field('GP', person.gpName),
      ...field('GP practice', [person.gpPracticeName, person.gpPracticeCode && `(${person.gpPracticeCode})`].filter(Boolean).join(' ')),
      ...field('Communication needs', person.communicationNeeds),
      ...field('Language', person.language),
      ...flag('Needs an interpreter', person.interpreterNeeded),
      ...field('Accessibility needs', person.accessibilityNeeds),
    ]),
  );

  out.push(
    ...section('About me', [
      ...field('What is most important to me', aboutMe.whatMatters),
      ...field('People who are important to me', aboutMe.importantPeople),
      ...field('How I communicate and how to communicate with me', aboutMe.communication),
      ...field('Good days', aboutMe.goodDays),
      ...field('Bad days', aboutMe.badDays),
      ...field('What triggers a bad day', aboutMe.badDayTriggers),
      ...field('Please do', aboutMe.pleaseDo),
      ...field("Please don't", aboutMe.pleaseDont),
      ...field('How and when to support me', aboutMe.howToSupport),
      ...field('Also worth knowing about me', aboutMe.alsoWorthKnowing),
      ...field('What helps me look after myself', aboutMe.selfManagement),
      ...field('Supported to write this by', aboutMe.supportedToWriteBy),
      ...field('Date updated', aboutMe.dateUpdated),
    ]),
  );

  out.push(
    ...section(
      'Strengths',
      plan.strengths.filter(isLive).map((s) => `- ${markdownText(s.text)}${s.domain ? ` _(${lifeDomainLabels[s.domain]})_` : ''}`),
    ),
  );
  out.push(
    ...section(
      'Needs, concerns or problems',
      plan.needs
        .filter(isLive)
        .map(
          (n) =>
            `- ${markdownText(n.text)}${n.domain ? ` _(${lifeDomainLabels[n.domain]})_` : ''}${n.response ? ` — response: ${n.response}` : ''}`,
        ),
    ),
  );

  const goals = plan.goals.filter(isLive).flatMap((goal, index) => {
    const needs = goal.linkedNeedIds.flatMap((id) => plan.needs.filter((n) => n.id === id).map((n) => n.text));
    const steps = goal.steps.filter(isLive);
    const progress = goal.progress.filter(isLive);
    return [
      `### ${index + 1}. ${markdownText(goal.words)}`,
      '',
      ...field('Status', goalStatusLabels[goal.status]),
      ...field('Why it matters', goal.whyItMatters),
      ...field('Priority', labelOf(goalPriorityLabels, goal.priority)),
      ...field('How important (1–10)', goal.importance),
      ...field('How we will know', goal.measure),
      ...field('Target date', goal.targetDate),
      ...field('Linked needs', needs.join('; ')),
      ...(steps.length ? ['- **Smaller steps:**', ...steps.map((s) => `  - [${s.done ? 'x' : ' '}] ${markdownText(s.text)}`)] : []),
      ...(progress.length
        ? ['- **Progress:**', ...progress.map((p) => `  - ${p.date ?? 'undated'}: ${p.score ?? '–'}/10${p.note ? ` — ${markdownText(p.note)}` : ''}`)]
        : []),
      '',
    ];
  });
  out.push(...section('Goals', goals));

  const actionRows = plan.actions.filter(isLive).map((action) =>
    [
      action.what,
      who(plan, action.owner),
      action.dueDate ?? '',
      actionStatusLabels[action.status],
      goalWordsFor(plan, action.goalIds).join('; '),
      labelOf(housePartLabels, action.housePart),
      who(plan, action.checkedBy),
      describeMeeting(plan, action.agreedAtMeetingId),
    ]
      .map((cell) => ` ${markdownText(cell)} `)
      .join('|'),
  );
  out.push(
    ...section(
      'Actions',
      actionRows.length
        ? [
            '| What | Who | Due | Status | Goals served | Part of the house | Who checks | Agreed at |',
            '| --- | --- | --- | --- | --- | --- | --- | --- |',
            ...actionRows.map((row) => `|${row}|`),
          ]
        : [],
    ),
  );

  const team = plan.professionalContacts.filter(isLive).map((c) => {
    const details = [c.role, c.speciality, c.team, c.organisation, labelOf(careSectorLabels, c.sector), c.phone, c.email, c.otherContactDetails]
      .filter((part) => part.trim())
      .map(markdownText)
      .join(' · ');
    const keyworker = c.isKeyworker
      ? ` — **keyworker**${c.keyworkerFrom || c.keyworkerUntil ? ` (${c.keyworkerFrom ?? '…'} to ${c.keyworkerUntil ?? '…'})` : ''}`
      : '';
    return `- **${markdownText(c.name)}**${keyworker}: ${details}`;
  });
  out.push(...section('Care team', team));

  const family = plan.personalContacts.filter(isLive).map((c) => {
    const tags = [c.isCarer && 'carer', c.isNextOfKin && 'next of kin', c.isEmergencyContact && 'emergency contact'].filter(Boolean);
    const details = [c.relationship, ...tags, c.phone, c.email, c.otherContactDetails].filter((p) => p && String(p).trim()).map(String).map(markdownText);
    return [
      `- **${markdownText(c.name)}**: ${details.join(' · ')}`,
      ...(c.carerNeeds.trim() ? [`  - Carer's own needs: ${markdownText(c.carerNeeds)}`] : []),
      ...(c.comments.trim() ? [`  - ${markdownText(c.comments)}`] : []),
    ];
  });
  out.push(...section('Family, friends and carers', family.flat()));

  const contingency = plan.contingencyPlans.filter(isLive).flatMap((c) => {
    const contacts = c.contactIds.flatMap((id) => {
      const pro = plan.professionalContacts.find((p) => p.id === id);
      if (pro) return [`${pro.name} (${pro.role})${pro.phone ? ` ${pro.phone}` : ''}`];
      const personal = plan.personalContacts.find((p) => p.id === id);
      return personal ? [`${personal.name} (${personal.relationship})${personal.phone ? ` ${personal.phone}` : ''}`] : [];
    });
    return [
      `### ${markdownText(c.name || 'Contingency plan')}`,
      '',
      '- **Warning signs:**',
      ...c.triggers.filter(isLive).map((t) => `  - ${markdownText(t.text)}`),
      ...field('What should happen', c.whatShouldHappen),
      ...field('Who to contact in hours', c.contactInHours),
      ...field('Who to contact out of hours', c.contactOutOfHours),
      ...field('People to call', contacts.join('; ')),
      ...field('What helps me cope', c.copingStrategies),
      ...field('Advance statement', c.advanceStatement),
      ...field('Advance statement is kept', c.advanceStatementLocation),
      ...field('Anticipatory medicines or equipment', c.anticipatoryMedicines),
      ...field('They are kept', c.anticipatoryMedicinesLocation),
      ...field('ReSPECT / urgent care plan', c.respectLink),
      ...field('Review date', c.reviewDate),
      ...field('Review by', who(plan, c.reviewOwner)),
      '',
    ];
  });
  out.push(...section('Contingency and safety plans', contingency));

  const support = plan.supportPlans.filter(isLive).flatMap((s) => [
    `### ${markdownText(s.name || 'Support plan')}`,
    '',
    ...(s.content.trim() ? [markdownText(s.content), ''] : []),
    ...field('Review date', s.reviewDate),
    ...field('Review by', who(plan, s.reviewOwner)),
    ...field('Last updated', s.lastUpdated),
    '',
  ]);
  out.push(...section('Additional support plans', support));

  out.push(
    ...section(
      'Services and support the plan relies on',
      plan.services.filter(isLive).map((s) => {
        const details = [labelOf(serviceKindLabels, s.kind), s.provider, s.contactDetails, labelOf(serviceStatusLabels, s.status), s.notes]
          .filter((p) => p.trim())
          .map(markdownText);
        return `- **${markdownText(s.name)}**${details.length ? `: ${details.join(' · ')}` : ''}`;
      }),
    ),
  );

  out.push(
    ...section('Consent and information sharing', [
      ...field('Consent', consentStatusLabels[consent.status]),
      ...field('Legal basis for sharing', labelOf(legalBasisLabels, consent.legalBasis)),
      ...field('Legal basis notes', consent.legalBasisNotes),
      ...field('Best-interests decision', consent.bestInterestsNotes),
      ...field('Recorded by', [consent.recordedBy, consent.recordedOn ?? ''].filter((p) => p.trim()).join(', ')),
      ...(consent.toldWhoIsInTeam ? ['- Told who is in the team'] : ['- Not yet told who is in the team']),
      ...consent.doNotShare.filter(isLive).map((d) => `- **Do not share with:** ${markdownText(d.who)}${d.reason.trim() ? ` — ${markdownText(d.reason)}` : ''}`),
      ...consent.sharingScopes.filter(isLive).map((s) => `- **${markdownText(s.who)} may see only:** ${markdownText(s.description)}`),
      ...consent.lastingPowersOfAttorney
        .filter(isLive)
        .map(
          (l) =>
            `- **Lasting power of attorney${l.kind ? ` (${l.kind === 'healthAndWelfare' ? 'health and welfare' : 'property and financial affairs'})` : ''}:** ${markdownText(l.attorneyName)}${l.attorneyContact.trim() ? `, ${markdownText(l.attorneyContact)}` : ''}${l.registered ? ', registered' : ', not registered'}${l.whereKept.trim() ? `; kept: ${markdownText(l.whereKept)}` : ''}`,
        ),
      ...consent.advanceDecisions
        .filter(isLive)
        .map((a) => `- **Advance decision:** ${markdownText(a.decision)}${a.madeOn ? ` (made ${a.madeOn})` : ''}${a.whereKept.trim() ? `; kept: ${markdownText(a.whereKept)}` : ''}`),
    ]),
  );

  out.push(
    ...section('Agreement and review', [
      ...field('This version', versionText(context)),
      ...field('Agreed with', agreementOf(context)?.agreedWith.join(', ') ?? ''),
      ...field('Agreed on', agreementOf(context)?.agreedOn ?? null),
      ...field('Care funding', agreement.fundingSource),
      ...field('Last updated', agreement.lastUpdated),
      ...field('Next review', agreement.reviewDate),
      ...field('Review arranged by', who(plan, agreement.reviewResponsible)),
    ]),
  );

  const meetings = plan.meetings.filter(isLive).flatMap((m) => [
    `### ${markdownText([labelOf(meetingTypeLabels, m.type) || 'Meeting', m.date ?? ''].filter(Boolean).join(', '))}`,
    '',
    ...field('Where', m.location),
    ...field('Chair', m.chair),
    ...field('Minutes', m.minuteTaker),
    ...field('Present', m.attendees.filter(isLive).map((a) => [a.name, a.role, a.organisation].filter((p) => p.trim()).join(', ')).join('; ')),
    ...field('Apologies', m.apologies.filter(isLive).map((a) => [a.name, a.role, a.organisation].filter((p) => p.trim()).join(', ')).join('; ')),
    ...field(
      'Who attended',
      [m.personAttended && 'the person', m.advocateAttended && 'an advocate', m.familyAttended && 'family'].filter(Boolean).join(', '),
    ),
    ...flag('The information-sharing notice was read out', m.informationSharingNoticeRead),
    ...field('Preparation', m.preparation),
    ...m.agendaItems.filter(isLive).flatMap((item) => [
      `- **${markdownText(item.title || 'Item')}**`,
      ...[
        ['Situation', item.situation],
        ['Discussion', item.discussion],
        ['Decision', item.decision],
        ['Reasoning', item.reasoning],
        ['Dissent', item.dissent],
        ["The person's view", item.personView],
        ['Bottom lines', item.bottomLines],
      ]
        .filter(([, value]) => value?.trim())
        .map(([label, value]) => `  - ${label}: ${markdownText(value ?? '')}`),
    ]),
    ...field('Family private time (shared by the family)', m.privateFamilyTime),
    ...field('Agreeing the plan', m.planAgreement),
    ...field('Next meeting', m.nextMeetingDate),
    '',
  ]);
  out.push(...section('Meetings', meetings));

  out.push('---', '', `_${markdownText(versionText(context))}_`, '');
  return out.join('\n');
}

export function buildPlanMarkdown(snapshot: CarePlanSnapshot, context: ExportContext): Uint8Array {
  return utf8Bytes(buildPlanMarkdownText(snapshot, context));
}
