import { isLive, type GoalPriority, type GoalStatus } from '../../plan/plan-snapshot';
import type { Condition, Goal } from './fhir-types';
import type { FhirScope } from './fhir-scope';
import { lifeDomainLabels } from '../plain-labels';

const GOAL_ACHIEVEMENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
const GOAL_PRIORITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/goal-priority';
const CONDITION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-category';
const CONDITION_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical';

/** Our five goal states onto R4's lifecycle (required binding) and achievement (preferred). */
const goalMapping: Record<GoalStatus, { lifecycle: Goal['lifecycleStatus']; achievement: string | null; display: string }> = {
  proposed: { lifecycle: 'proposed', achievement: null, display: '' },
  active: { lifecycle: 'active', achievement: 'in-progress', display: 'In Progress' },
  achieved: { lifecycle: 'completed', achievement: 'achieved', display: 'Achieved' },
  notAchieved: { lifecycle: 'completed', achievement: 'not-achieved', display: 'Not Achieved' },
  dropped: { lifecycle: 'cancelled', achievement: null, display: '' },
};

const priorityCodes: Record<GoalPriority, { code: string; display: string }> = {
  high: { code: 'high-priority', display: 'High Priority' },
  medium: { code: 'medium-priority', display: 'Medium Priority' },
  low: { code: 'low-priority', display: 'Low Priority' },
};

/** Needs, concerns or problems become problem-list Conditions the plan addresses. */
export function buildConditions(scope: FhirScope): Condition[] {
  return scope.plan.needs.filter(isLive).map((need) => ({
    resourceType: 'Condition',
    id: scope.uuid('condition', need.id),
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL_SYSTEM, code: 'active', display: 'Active' }] },
    category: [
      { coding: [{ system: CONDITION_CATEGORY_SYSTEM, code: 'problem-list-item', display: 'Problem List Item' }] },
      ...(need.domain ? [{ text: lifeDomainLabels[need.domain] }] : []),
    ],
    code: { text: need.text },
    subject: scope.patientRef(),
    recordedDate: need.createdAt,
  }));
}

export function buildGoals(scope: FhirScope): Goal[] {
  return scope.plan.goals.filter(isLive).map((goal) => {
    const mapping = goalMapping[goal.status];
    const steps = goal.steps.filter(isLive);
    const progress = goal.progress.filter(isLive);
    return {
      resourceType: 'Goal',
      id: scope.uuid('goal', goal.id),
      lifecycleStatus: mapping.lifecycle,
      achievementStatus: mapping.achievement
        ? { coding: [{ system: GOAL_ACHIEVEMENT_SYSTEM, code: mapping.achievement, display: mapping.display }] }
        : undefined,
      priority: goal.priority
        ? { coding: [{ system: GOAL_PRIORITY_SYSTEM, ...priorityCodes[goal.priority] }] }
        : undefined,
      description: { text: goal.words },
      subject: scope.patientRef(),
      target: goal.targetDate ? [{ dueDate: goal.targetDate }] : undefined,
      // Goals are written in the person's own words, so the person expressed them.
      expressedBy: scope.patientRef(),
      addresses: goal.linkedNeedIds.filter((id) => scope.has('condition', id)).map((id) => scope.ref('condition', id)),
      note: [
        { text: goal.whyItMatters ? `Why it matters: ${goal.whyItMatters}` : '' },
        { text: goal.importance !== null ? `How important to me: ${goal.importance}/10` : '' },
        { text: goal.measure ? `How we will know: ${goal.measure}` : '' },
        ...steps.map((step) => ({ text: `Step${step.done ? ' (done)' : ''}: ${step.text}` })),
        ...progress.map((score) => ({
          text: `Progress ${score.score ?? '–'}/10${score.note ? `: ${score.note}` : ''}`,
          time: score.date ?? undefined,
        })),
      ].filter((note) => note.text !== ''),
    };
  });
}
