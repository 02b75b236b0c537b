import { addDays, examplePlanSnapshot, type CarePlanSnapshot } from '../../../shared/plan';
import { buildPdfModel } from '../../../shared/export/pdf-model';
import { renderPdf } from '../../../main/export/render-pdf';
import { defineBench } from '../bench-row';
import { roundsAsync, sampleMsAsync } from '../measure';

/**
 * The person's PDF of a large plan (50 goals, 300 actions) whose people carry names in
 * twelve scripts, against the PDF of the same plan with every name in plain Latin, in the
 * same run: what embedding, shaping and bidi cost on top of the Latin-only path. Target from
 * issue 10: the mixed-script PDF under 1 s on this machine.
 */
const today = '2026-11-23';

const mixedNames = ['ليلى حداد', 'محمد علی خان', 'রহিমা বেগম', 'ਹਰਪ੍ਰੀਤ ਕੌਰ', 'પ્રિયા પટેલ', 'अनीता शर्मा', 'Łucja Wiśniewska', 'Siân Llŷr ap Gwŵyn', 'Ελένη Παπαδοπούλου', 'Ayşe Yıldırım', 'Nguyễn Thị Hương', 'Ольга Петренко'];
const latinNames = ['Laila Haddad', 'Mohammed Ali Khan', 'Rahima Begum', 'Harpreet Kaur', 'Priya Patel', 'Anita Sharma', 'Lucja Wisniewska', 'Sian Llyr ap Gwyn', 'Eleni Papadopoulou', 'Ayse Yildirim', 'Nguyen Thi Huong', 'Olga Petrenko'];

function largePlan(names: readonly string[]): CarePlanSnapshot {
  const plan = examplePlanSnapshot('jill', { today });
  const contact = plan.personalContacts[0];
  const goal = plan.goals[0];
  const action = plan.actions[0];
  if (!contact || !goal || !action) throw new Error("Jill's example plan has no contact, goal or action to grow from");
  plan.personalContacts = names.map((name, index) => ({ ...contact, id: `bench-contact-${index}`, name, relationship: index === 0 ? 'Daughter' : 'Friend' }));
  plan.goals = Array.from({ length: 50 }, (_, index) => ({
    ...goal,
    id: `bench-goal-${index}`,
    words: `See ${names[index % names.length]} more often (${index + 1})`,
    steps: goal.steps.map((step, stepIndex) => ({ ...step, id: `bench-goal-${index}-step-${stepIndex}` })),
  }));
  plan.actions = Array.from({ length: 300 }, (_, index) => ({
    ...action,
    id: `bench-action-${index}`,
    what: `Weekly phone call with ${names[index % names.length]} about the garden (${index + 1})`,
    owner: { kind: 'personalContact' as const, contactId: `bench-contact-${index % names.length}` },
    dueDate: addDays(today, 7 + (index % 60)),
    goalIds: [`bench-goal-${index % 50}`],
  }));
  return plan;
}

export const bench = defineBench({
  name: 'pdf large plan mixed scripts',
  run: async () => {
    const context = { versionLabel: 'Agreed version 3 (2026-11-23)', generatedAt: `${today}T10:00:00.000Z`, planId: 'bench-plan' };
    const latin = largePlan(latinNames);
    const mixed = largePlan(mixedNames);
    const baseline = await roundsAsync(3, () => sampleMsAsync(2, async () => void (await renderPdf(buildPdfModel(latin, context)))));
    const candidate = await roundsAsync(3, () => sampleMsAsync(2, async () => void (await renderPdf(buildPdfModel(mixed, context)))));
    return [{ name: 'PDF, 50 goals / 300 actions', baselineLabel: 'Latin-only names', baseline, candidateLabel: 'names in 12 scripts', candidate, unit: 'ms', target: '< 1 s' }];
  },
});
