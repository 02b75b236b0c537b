import * as Y from 'yjs';
import { addDays, examplePlanSnapshot, houseParts, writePlanSnapshot, type CarePlanSnapshot, type PersonRef } from '../../shared/plan';
import { exampleKit } from '../../shared/plan/examples/example-kit';
import { seededRandom } from './seeded-random';

/**
 * Plans of realistic shape at the sizes the performance work is measured on: Jill's plan
 * (scenarios/jill-copd-at-home.md) grown to N goals and M actions in total, every action
 * owned, dated, linked to one or two goals and placed in the house, as a real MDT's plan is.
 * Seeded, so every run (and every engineer's benchmark row) builds the same plan.
 */
export interface PlanSize {
  label: string;
  /** Goals and actions in total, Jill's own included; null = Jill's plan as it is. */
  goals: number | null;
  actions: number | null;
}

export const planSizes = {
  jill: { label: "Jill's plan", goals: null, actions: null },
  medium: { label: '12 goals / 60 actions', goals: 12, actions: 60 },
  large: { label: '50 goals / 300 actions', goals: 50, actions: 300 },
  huge: { label: '200 goals / 1,000 actions', goals: 200, actions: 1000 },
} as const satisfies Record<string, PlanSize>;

export type PlanSizeName = keyof typeof planSizes;

export const BENCH_TODAY = '2026-11-23';

const goalWords = ['Walk to the corner shop', 'Sleep through the night', 'Go to lunch club on Thursdays', 'Manage my breathing on bad days', 'See my grandchildren more', 'Keep my flat warm in winter', 'Cook a hot meal twice a week', 'Get out into the garden', 'Stay out of hospital', 'Feel less lonely'];
const actionWords = ['Review inhaler technique', 'Refer to pulmonary rehabilitation', 'Fit grab rails in the bathroom', 'Arrange a carer’s assessment', 'Check benefits entitlement', 'Book a flu vaccination', 'Set up a pendant alarm', 'Medication review with the pharmacist', 'Introduce the befriending service', 'Agree a rescue pack plan'];

export function largePlanSnapshot(size: PlanSize, options: { today?: string; seed?: number } = {}): CarePlanSnapshot {
  const today = options.today ?? BENCH_TODAY;
  const snapshot = examplePlanSnapshot('jill', { today });
  if (size.goals === null && size.actions === null) return snapshot;
  const random = seededRandom(options.seed ?? 14);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const kit = exampleKit({ by: 'Priya Nair', at: `${today}T10:00:00.000Z` });
  const team = snapshot.professionalContacts.map((contact): PersonRef => ({ kind: 'careTeam', contactId: contact.id }));
  const goals = [...snapshot.goals];
  for (let index = goals.length; index < (size.goals ?? goals.length); index += 1) {
    goals.push(kit.goal({ words: `${pick(goalWords)} (${index + 1})`, whyItMatters: 'So I can keep living at home with my husband.', status: 'active', targetDate: addDays(today, 30 + index) }));
  }
  const actions = [...snapshot.actions];
  for (let index = actions.length; index < (size.actions ?? actions.length); index += 1) {
    const first = pick(goals).id;
    const second = pick(goals).id;
    actions.push(
      kit.action({
        what: `${pick(actionWords)} (${index + 1})`,
        owner: pick(team),
        checkedBy: pick(team),
        dueDate: addDays(today, 7 + (index % 60)),
        goalIds: first === second ? [first] : [first, second],
        housePart: pick(houseParts),
        notes: 'Discussed at the MDT; to be reviewed at the next meeting.',
      }),
    );
  }
  return { ...snapshot, goals, actions };
}

/** A fresh document holding the plan of that size. */
export function largePlanDoc(size: PlanSize, options: { today?: string; seed?: number } = {}): Y.Doc {
  const doc = new Y.Doc();
  writePlanSnapshot(doc, largePlanSnapshot(size, options));
  return doc;
}
