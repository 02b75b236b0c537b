import { describe, expect, it } from 'vitest';
import { planSectionKeys } from '../../../shared/plan';
import { planViews, screenForSection } from '../../../renderer/views/plan/plan-views';

describe('the plan navigation', () => {
  it('starts at the house, has unique keys, and gives every section of the plan a screen', () => {
    expect(planViews[0]?.key).toBe('house');
    expect(new Set(planViews.map((view) => view.key)).size).toBe(planViews.length);
    expect(planSectionKeys.filter((section) => screenForSection(section) === undefined)).toEqual([]);
    expect(screenForSection('contingencyPlans')?.title).toBe('Contingency and safety plans');
    expect(planViews.map((view) => view.title)).toContain('History of changes');
  });
});
