import { describe, expect, it } from 'vitest';
import { buildPlanMarkdown, buildPlanMarkdownText, markdownText } from '../../../shared/export/plan-markdown';
import { sectionTitle } from '../../../shared/plan/section-titles';
import type { PlanSectionKey } from '../../../shared/plan/plan-schema';
import { agreedContext, draftContext } from './export-contexts';
import { exampleJillPlan } from './fixtures/example-jill';
import { jillPlan } from './fixtures/jill-plan';
import { expectGolden } from './golden-file';

const sections: PlanSectionKey[] = [
  'person',
  'aboutMe',
  'strengths',
  'needs',
  'goals',
  'actions',
  'professionalContacts',
  'personalContacts',
  'contingencyPlans',
  'supportPlans',
  'services',
  'consent',
  'agreement',
  'meetings',
];

describe("Markdown of Jill's plan", () => {
  it('matches the golden file', () => {
    expectGolden('jill-plan.md', buildPlanMarkdown(exampleJillPlan(), agreedContext));
  });

  it('has every section, with the version at the top and the bottom', () => {
    const text = buildPlanMarkdownText(exampleJillPlan(), agreedContext);
    for (const key of sections) expect(text).toContain(`\n## ${sectionTitle(key)}\n`);
    expect(text.split('\n').slice(0, 4).join('\n')).toContain('Agreed version 1 (2026-11-23)');
    expect(text.trimEnd().endsWith('_Agreed version 1 (2026-11-23)_')).toBe(true);
  });

  it('says DRAFT — not agreed at the top of a draft', () => {
    const text = buildPlanMarkdownText(jillPlan(), draftContext);
    expect(text.split('\n')[2]).toContain('DRAFT — not agreed');
  });

  it('keeps what people typed from turning into Markdown', () => {
    expect(markdownText('# not a heading')).toBe('\\# not a heading');
    expect(markdownText('a | b *c* [link](x)')).toBe('a \\| b \\*c\\* \\[link\\](x)');
    const plan = jillPlan();
    plan.actions[0] = { ...plan.actions[0]!, what: 'Rails | stool' };
    expect(buildPlanMarkdownText(plan, agreedContext)).toContain('| Rails \\| stool |');
  });

  it('leaves unshared private family time out', () => {
    const plan = jillPlan();
    plan.meetings[0] = { ...plan.meetings[0]!, privateFamilyTime: 'We worry about money', privateFamilyTimeShared: false };
    expect(buildPlanMarkdownText(plan, agreedContext)).not.toContain('We worry about money');
    plan.meetings[0] = { ...plan.meetings[0]!, privateFamilyTimeShared: true };
    expect(buildPlanMarkdownText(plan, agreedContext)).toContain('We worry about money');
  });
});
