import type { ActionStatus, GoalStatus } from './plan-snapshot';

/**
 * THE words for action and goal statuses, everywhere: the screens, the PDF, CSV, ICS,
 * Markdown and FHIR text. One table, because a person reading "Held up" on the screen
 * and "Blocked" in their printed copy would reasonably think they are different things.
 * Records (not switches) so a new status without words fails to compile.
 */
export const actionStatusWords: Readonly<Record<ActionStatus, string>> = {
  open: 'Not started',
  inProgress: 'In progress',
  done: 'Done',
  blocked: 'Held up',
  cancelled: 'Cancelled',
};

export const goalStatusWords: Readonly<Record<GoalStatus, string>> = {
  proposed: 'Suggested',
  active: 'Working on it',
  achieved: 'Achieved',
  notAchieved: 'Not achieved',
  dropped: 'No longer a goal',
};

/** Statuses of an action that is still someone's job (carried forward, listed in "My actions"). */
export const openActionStatuses: readonly ActionStatus[] = ['open', 'inProgress', 'blocked'];

export function isOpenActionStatus(status: ActionStatus): boolean {
  return openActionStatuses.includes(status);
}
