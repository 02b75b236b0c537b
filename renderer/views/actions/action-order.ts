import { isLive, isOpenActionStatus, type Action } from '../../../shared/plan';

/** Overdue: still someone's job and its date has passed. */
export function isActionOverdue(action: Action, today: string): boolean {
  return isOpenActionStatus(action.status) && action.dueDate !== null && action.dueDate < today;
}

/**
 * The order the room reads actions in: overdue first, then the rest still to do by date
 * (no date last), then the finished ones. Stable for equal keys (the plan's own order).
 */
export function actionsOverdueFirst(actions: readonly Action[], today: string): Action[] {
  const rank = (action: Action) => (isActionOverdue(action, today) ? 0 : isOpenActionStatus(action.status) ? 1 : 2);
  return actions
    .filter(isLive)
    .map((action, index) => ({ action, index }))
    .sort((a, b) => rank(a.action) - rank(b.action) || (a.action.dueDate ?? '9999').localeCompare(b.action.dueDate ?? '9999') || a.index - b.index)
    .map(({ action }) => action);
}
