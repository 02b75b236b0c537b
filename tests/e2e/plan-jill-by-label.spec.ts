import { expect, test, type Page } from '@playwright/test';
import { freshDataDir, startBrowserHost } from './support/browser-host-process';
import { jillMarsh, jillPlan, staffProfiles } from './support/personal-data-samples';
import { PlanPage, type HousePartKey } from './support/plan-page';
import { PlansPage } from './support/plans-page';
import { completeFirstRunProfile } from './support/profile-page';
import { formatUkDate } from '../../shared/plan';

/** Dates relative to today, so the review date is always ahead of the plan's own date. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const reviewDate = inDays(jillPlan.reviewInDays);

async function expectHouse(plan: PlanPage, expected: Record<HousePartKey, string>): Promise<void> {
  await plan.openHouse();
  for (const [part, summary] of Object.entries(expected) as Array<[HousePartKey, string]>) {
    await expect(plan.houseSummary(part), part).toHaveText(summary);
  }
}

async function enterJillsPlan(page: Page, plan: PlanPage): Promise<void> {
  await plan.openSection('Person');
  await plan.field('First name').fill(jillMarsh.firstName);
  await plan.field('Family name').fill(jillMarsh.familyName);
  await plan.field('Date of birth').fill(jillPlan.person.dateOfBirth);
  await plan.field('NHS number').fill(jillMarsh.nhsNumber);
  await plan.field('Postcode').fill(jillPlan.person.postcode);
  await plan.field('GP practice').fill(jillPlan.person.gpPracticeName);

  await plan.openSection('About me');
  await plan.field('What is most important to me').fill(jillMarsh.whatMatters);
  await plan.field('My wellness: a good day').fill(jillPlan.aboutMe.goodDays);
  await plan.field('My wellness: a bad day').fill(jillPlan.aboutMe.badDays);
  await plan.field('How and when to support me').fill(jillPlan.aboutMe.howToSupport);
  await plan.field('What helps me look after myself').fill(jillPlan.aboutMe.selfManagement);

  await plan.openSection('Strengths and needs');
  const strength = await plan.addItem('strength', 'Strength');
  await plan.field('Strength', strength).fill(jillPlan.strength);
  await plan.field('Life domain', strength).selectOption({ label: 'Relationships and social connection' });
  const need = await plan.addItem('need', 'Need');
  await plan.field('Need, concern or problem', need).fill(jillPlan.need);
  await plan.field('Life domain', need).selectOption({ label: 'Safety and safeguarding' });

  // The team first, so actions can name their owners.
  await plan.openSection('Care team');
  for (const professional of jillPlan.professionals) {
    const member = await plan.addItem('team member', 'Team member');
    await plan.field('Name', member).fill(professional.name);
    await plan.field('Role', member).fill(professional.role);
    if (professional.phone) await plan.field('Phone', member).fill(professional.phone);
    if ('keyworker' in professional) await plan.field('Keyworker', member).check();
  }
  const carer = await plan.addItem('contact', 'Contact');
  await plan.field('Name', carer).fill(jillPlan.carer.name);
  await plan.field('Relationship', carer).fill(jillPlan.carer.relationship);
  await plan.field('Carer', carer).check();
  await plan.field('Next of kin', carer).check();
  await plan.field('Emergency contact', carer).check();
  await plan.field('Phone', carer).fill(jillPlan.carer.phone);

  await plan.openSection('Goals');
  for (const goal of jillPlan.goals) {
    const item = await plan.addItem('goal', 'Goal');
    await plan.field('Goal, in my words', item).fill(goal.words);
    await plan.field('How important (1 to 10)', item).fill(goal.importance);
    await plan.field('How we will know', item).fill(goal.measure);
    await plan.field('Status', item).selectOption({ label: 'Working on it' });
  }
  await plan.checklist('Needs it addresses', await plan.openDetails('Goal', 2)).getByLabel(jillPlan.need).check();

  await plan.openSection('Actions');
  for (const action of jillPlan.actions) {
    const item = await plan.addAction();
    await plan.field('What will happen', item).fill(action.what);
    await plan.field('Who will do it', item).selectOption({ label: action.owner });
    await plan.field('Due date', item).fill(inDays(action.dueInDays));
    await plan.checklist('Goals it serves', item).getByLabel(jillPlan.goals[action.goal]?.words ?? '').check();
    if ('foundation' in action) await plan.field('Part of the house', item).selectOption({ label: 'Foundation: services and support' });
  }

  await plan.openSection('Contingency and safety plans');
  const contingency = await plan.addItem('contingency plan', 'Contingency plan');
  await plan.field('Name of this plan', contingency).fill(jillPlan.contingency.name);
  await expect(contingency.getByText('needs at least one warning sign')).toBeVisible();
  for (const trigger of jillPlan.contingency.triggers) {
    const item = await plan.addItem('trigger factor', 'Trigger factor', contingency);
    await plan.field('Trigger factor', item).fill(trigger);
  }
  await expect(contingency.getByText('needs at least one warning sign')).toHaveCount(0);
  await plan.field('What should happen', contingency).fill(jillPlan.contingency.whatShouldHappen);

  await plan.openSection('Consent and information sharing');
  await plan.field('Consent to share with the team').selectOption({ label: 'Given' });
  await plan.field('Legal basis for sharing').selectOption({ label: 'Consent' });
  await plan.field('Told who is in the team').check();
  const doNotShare = await plan.addItem('entry', 'Entry');
  await plan.field('Do not share with', doNotShare).fill(jillPlan.doNotShare.who);
  await plan.field('Reason', doNotShare).fill(jillPlan.doNotShare.reason);

  await plan.openSection('Agreement and review');
  await plan.field('Review date').fill(reviewDate);
  await plan.field('Who arranges the review').selectOption({ label: 'Priya Nair (Social worker)' });
  await plan.expectAllSaved();
}

async function expectJillsPlan(plan: PlanPage): Promise<void> {
  await plan.openSection('Person');
  await expect(plan.field('First name')).toHaveValue(jillMarsh.firstName);
  await expect(plan.field('Family name')).toHaveValue(jillMarsh.familyName);
  // Stored as typed (year first is unambiguous), shown the UK way.
  await expect(plan.field('Date of birth')).toHaveValue(formatUkDate(jillPlan.person.dateOfBirth));
  await expect(plan.field('NHS number')).toHaveValue(jillMarsh.nhsNumber);
  await expect(plan.field('Postcode')).toHaveValue(jillPlan.person.postcode);
  await expect(plan.field('GP practice')).toHaveValue(jillPlan.person.gpPracticeName);

  await plan.openSection('About me');
  await expect(plan.field('What is most important to me')).toHaveValue(jillMarsh.whatMatters);
  await expect(plan.field('My wellness: a good day')).toHaveValue(jillPlan.aboutMe.goodDays);
  await expect(plan.field('My wellness: a bad day')).toHaveValue(jillPlan.aboutMe.badDays);
  await expect(plan.field('How and when to support me')).toHaveValue(jillPlan.aboutMe.howToSupport);
  await expect(plan.field('What helps me look after myself')).toHaveValue(jillPlan.aboutMe.selfManagement);

  await plan.openSection('Strengths and needs');
  // Strengths and needs are compact rows: the whole item opens under Details.
  await expect(plan.field('Strength', await plan.openDetails('Strength', 1))).toHaveValue(jillPlan.strength);
  await expect(plan.field('Need, concern or problem', await plan.openDetails('Need', 1))).toHaveValue(jillPlan.need);

  await plan.openSection('Care team');
  for (const [index, professional] of jillPlan.professionals.entries()) {
    const member = await plan.openDetails('Team member', index + 1);
    await expect(plan.field('Name', member)).toHaveValue(professional.name);
    await expect(plan.field('Role', member)).toHaveValue(professional.role);
    await expect(plan.field('Phone', member)).toHaveValue(professional.phone);
    if ('keyworker' in professional) await expect(plan.field('Keyworker', member)).toBeChecked();
    else await expect(plan.field('Keyworker', member)).not.toBeChecked();
  }
  await expect(plan.view.getByText(`Keyworker now: ${staffProfiles.priya.name} (Social worker)`)).toBeVisible();
  const carer = await plan.openDetails('Contact', 1);
  await expect(plan.field('Name', carer)).toHaveValue(jillPlan.carer.name);
  await expect(plan.field('Relationship', carer)).toHaveValue(jillPlan.carer.relationship);
  for (const flag of ['Carer', 'Next of kin', 'Emergency contact']) await expect(plan.field(flag, carer)).toBeChecked();
  await expect(plan.field('Phone', carer)).toHaveValue(jillPlan.carer.phone);

  await plan.openSection('Goals');
  for (const [index, goal] of jillPlan.goals.entries()) {
    const item = await plan.openDetails('Goal', index + 1);
    await expect(plan.field('Goal, in my words', item)).toHaveValue(goal.words);
    await expect(plan.field('How important (1 to 10)', item)).toHaveValue(goal.importance);
    await expect(plan.field('How we will know', item)).toHaveValue(goal.measure);
    await expect(plan.field('Status', item)).toHaveValue('active');
  }
  await expect(plan.checklist('Needs it addresses', await plan.openDetails('Goal', 2)).getByLabel(jillPlan.need)).toBeChecked();

  await plan.openSection('Actions');
  for (const [index, action] of jillPlan.actions.entries()) {
    const item = await plan.openActionDetails(index + 1);
    await expect(plan.field('What will happen', item)).toHaveValue(action.what);
    await expect(plan.field('Who will do it', item).locator('option:checked')).toHaveText(action.owner);
    await expect(plan.field('Due date', item)).toHaveValue(formatUkDate(inDays(action.dueInDays)));
    await expect(plan.checklist('Goals it serves', item).getByLabel(jillPlan.goals[action.goal]?.words ?? '')).toBeChecked();
  }

  await plan.openSection('Contingency and safety plans');
  const contingency = await plan.openDetails('Contingency plan', 1);
  await expect(plan.field('Name of this plan', contingency)).toHaveValue(jillPlan.contingency.name);
  for (const [index, trigger] of jillPlan.contingency.triggers.entries()) {
    await expect(plan.field('Trigger factor', plan.item(`Trigger factor ${index + 1}`, contingency))).toHaveValue(trigger);
  }
  await expect(plan.field('What should happen', contingency)).toHaveValue(jillPlan.contingency.whatShouldHappen);

  await plan.openSection('Consent and information sharing');
  await expect(plan.field('Consent to share with the team')).toHaveValue('given');
  await expect(plan.field('Told who is in the team')).toBeChecked();
  await expect(plan.field('Do not share with', plan.item('Entry 1'))).toHaveValue(jillPlan.doNotShare.who);
  await expect(plan.field('Reason', plan.item('Entry 1'))).toHaveValue(jillPlan.doNotShare.reason);

  await plan.openSection('Agreement and review');
  await expect(plan.field('Review date')).toHaveValue(formatUkDate(reviewDate));
  await expect(plan.field('Who arranges the review').locator('option:checked')).toHaveText('Priya Nair (Social worker)');
}

test("Jill's whole plan, entered by label, survives a restart; the house shows how complete each part is; a wrong NHS number is refused", async ({ page }) => {
  test.setTimeout(90_000);
  const dataDir = freshDataDir('jill-by-label');
  let host = await startBrowserHost(dataDir);
  const plans = new PlansPage(page);
  const plan = new PlanPage(page);
  try {
    await page.goto(host.url);
    await completeFirstRunProfile(page, staffProfiles.priya);
    await plans.createPlan(jillMarsh.fullName);
    await expectHouse(plan, { roof: '0 of 5 filled', leftWall: '0 of 6 filled', centre: '0 of 5 filled', rightWall: '0 of 4 filled', foundation: '0 of 4 filled' });
    await enterJillsPlan(page, plan);
  } finally {
    await host.stop();
  }

  host = await startBrowserHost(dataDir);
  try {
    await page.goto(host.url);
    await plans.expectShown();
    const card = plans.card(jillMarsh.fullName);
    await expect(card).toContainText(jillMarsh.nhsNumber);
    await expect(card).toContainText(staffProfiles.priya.name);
    await expect(card).toContainText(formatUkDate(reviewDate));
    await expect(card).not.toContainText('Not a valid NHS number');
    await plans.search('526 0182');
    await expect(plans.cards()).toHaveCount(1);
    await plans.open(jillMarsh.fullName);
    await expect(page.getByRole('heading', { level: 1, name: `Care plan: ${jillMarsh.fullName}` })).toBeVisible();
    // Filled: everything typed above; still to do: a meeting record, the agreement, services, support plans, funding.
    await expectHouse(plan, { roof: '3 of 5 filled', leftWall: '5 of 6 filled', centre: '5 of 5 filled', rightWall: '4 of 4 filled', foundation: '1 of 4 filled' });
    await expectJillsPlan(plan);

    // One wrong digit: the message is next to the field, and nothing treats the number as valid.
    await plan.openSection('Person');
    await plan.field('NHS number').fill(jillPlan.person.invalidNhsNumber);
    const nhsField = plan.view.locator('[data-field-path="person/nhsNumber"]');
    await expect(nhsField.getByRole('alert')).toHaveText(/This is not a valid NHS number: the last digit does not match the others/);
    await expect(plan.field('NHS number')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('header-nhs-number')).toContainText('Not a valid NHS number');
    await expectHouse(plan, { roof: '3 of 5 filled', leftWall: '4 of 6 filled', centre: '5 of 5 filled', rightWall: '4 of 4 filled', foundation: '1 of 4 filled' });
    await plan.expectAllSaved();
    await plan.backToPlans();
    await expect(plans.card(jillMarsh.fullName)).toContainText('Not a valid NHS number');
  } finally {
    await host.stop();
  }
});
