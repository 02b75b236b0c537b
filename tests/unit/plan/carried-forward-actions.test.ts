import { describe, expect, it } from 'vitest';
import { carriedForwardActions, examplePlanSnapshot, type Action, type CarePlanSnapshot } from '../../../shared/plan';

function withStatuses(plan: CarePlanSnapshot, statuses: Record<number, Action['status']>, removed: readonly number[] = []): CarePlanSnapshot {
  return {
    ...plan,
    actions: plan.actions.map((action, index) => ({
      ...action,
      status: statuses[index] ?? action.status,
      removedAt: removed.includes(index) ? '2026-03-20T10:00:00.000Z' : action.removedAt,
    })),
  };
}

describe('open actions carry forward to the next meeting', () => {
  it("brings all six of Jill's open actions, with the meeting that agreed them", () => {
    const jill = examplePlanSnapshot('jill', { today: '2026-03-10' });
    const carried = carriedForwardActions(jill);
    expect(carried).toHaveLength(6);
    expect(carried.every((entry) => entry.agreedAt !== null && entry.agreedAt.date === '2026-03-10')).toBe(true);
    // Earliest due first within the same meeting; an undated action (the pendant alarm) last.
    const due = carried.map((entry) => entry.action.dueDate);
    expect(due.at(-1)).toBeNull();
    const dated = due.filter((date): date is string => date !== null);
    expect(dated).toEqual([...dated].sort());
  });

  it('leaves out what is done, cancelled or removed, and keeps what is in progress or held up', () => {
    const jill = examplePlanSnapshot('jill', { today: '2026-03-10' });
    const changed = withStatuses(jill, { 0: 'done', 1: 'cancelled', 2: 'inProgress', 3: 'blocked' }, [4]);
    const carried = carriedForwardActions(changed).map((entry) => entry.action.id);
    const ids = changed.actions.map((action) => action.id);
    expect(carried).not.toContain(ids[0]);
    expect(carried).not.toContain(ids[1]);
    expect(carried).not.toContain(ids[4]);
    expect(carried).toEqual(expect.arrayContaining([ids[2], ids[3], ids[5]]));
    expect(carried).toHaveLength(3);
  });
});
