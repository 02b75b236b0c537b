import { isLive, type ActionStatus } from '../../plan/plan-snapshot';
import type { Task } from './fhir-types';
import type { FhirScope } from './fhir-scope';
import { actionStatusLabels, housePartLabels } from '../plain-labels';
import { describePersonRef, goalWordsFor } from '../plan-people';

/** Action status onto Task.status (required binding). "Held up" is on-hold with a reason. */
const taskStatus: Record<ActionStatus, Task['status']> = {
  open: 'ready',
  inProgress: 'in-progress',
  done: 'completed',
  blocked: 'on-hold',
  cancelled: 'cancelled',
};

export function buildTasks(scope: FhirScope): Task[] {
  const { plan } = scope;
  return plan.actions.filter(isLive).map((action) => {
    const goals = goalWordsFor(plan, action.goalIds);
    const meeting = action.agreedAtMeetingId;
    const firstGoal = action.goalIds.find((id) => scope.has('goal', id));
    return {
      resourceType: 'Task',
      id: scope.uuid('task', action.id),
      basedOn: [scope.ref('care-plan', 'plan')],
      status: taskStatus[action.status],
      statusReason: action.status === 'blocked' ? { text: actionStatusLabels.blocked } : undefined,
      intent: 'plan',
      description: action.what,
      // Task has one focus; the goal it serves first. All goals are listed in the notes.
      focus: firstGoal ? scope.ref('goal', firstGoal) : undefined,
      for: scope.patientRef(),
      encounter: meeting && scope.has('encounter', meeting) ? scope.ref('encounter', meeting) : undefined,
      authoredOn: action.createdAt,
      owner: scope.personRef(action.owner),
      note: [
        { text: goals.length ? `Goals served: ${goals.join('; ')}` : '' },
        { text: action.housePart ? `Part of the house: ${housePartLabels[action.housePart]}` : '' },
        { text: action.checkedBy ? `Who checks it happened: ${describePersonRef(plan, action.checkedBy)}` : '' },
        { text: action.notes },
      ].filter((note) => note.text.trim() !== ''),
      restriction: action.dueDate ? { period: { end: action.dueDate } } : undefined,
    };
  });
}
