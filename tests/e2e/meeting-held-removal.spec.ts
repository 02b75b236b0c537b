import { expect, test } from '@playwright/test';
import { freshDataDir } from './support/browser-host-process';
import { freePort, MeetingParticipant } from './support/meeting-participant';
import { jillMarsh, meetingSamples, staffProfiles } from './support/personal-data-samples';

const FIELD = 'What is most important to me';
const WORDS = 'Seeing my grandson on Saturdays and keeping my garden going through the winter. '.repeat(16).trim();

/**
 * Issue 11: a participant's change that would take away a section's worth of text is held
 * on every other laptop with a plain description; one accepts it, one keeps her plan, and
 * the room is told who kept theirs.
 */
test('a large removal is held on the other laptops: accepting applies it, keeping the plan leaves it out and tells the room', async () => {
  test.setTimeout(150_000);
  const port = await freePort();
  const priya = await MeetingParticipant.start('priya', freshDataDir('held-priya'), ['--host-meeting', '--meeting-host', '127.0.0.1', '--meeting-port', String(port)]);
  const tom = await MeetingParticipant.start('tom', freshDataDir('held-tom'));
  const karen = await MeetingParticipant.start('karen', freshDataDir('held-karen'));
  const everyone = [priya, tom, karen];
  try {
    await priya.createProfile(staffProfiles.priya);
    await tom.createProfile(staffProfiles.tom);
    await karen.createProfile(meetingSamples.karen);
    await priya.createPlan(jillMarsh.fullName);
    await priya.plan.openSection('About me');
    await priya.plan.field(FIELD).fill(WORDS);
    await priya.plan.expectAllSaved();
    const { address, code } = await priya.hostMeeting();
    for (const joiner of [tom, karen]) {
      await joiner.joinFromPlansList(address, code);
      await expect(joiner.plan.navButton('Live meeting')).toBeVisible({ timeout: 30_000 });
    }
    for (const participant of everyone) await participant.expectConnectedTo(2);
    for (const participant of everyone) await participant.plan.openSection('About me');
    for (const participant of everyone) await expect(participant.plan.field(FIELD)).toHaveValue(WORDS, { timeout: 15_000 });

    // Positive control: an ordinary edit from Tom goes straight in everywhere.
    await tom.plan.field('What helps me look after myself').fill('Short walks');
    await expect(priya.plan.field('What helps me look after myself')).toHaveValue('Short walks', { timeout: 15_000 });

    // Tom empties the long field: held on Priya's and Karen's laptops, not applied.
    await tom.plan.field(FIELD).fill('');
    for (const holder of [priya, karen]) {
      await expect(holder.page.locator('[data-held-removal]')).toContainText(`${staffProfiles.tom.name}’s change would empty “${FIELD}”`, { timeout: 15_000 });
      await expect(holder.plan.field(FIELD)).toHaveValue(WORDS);
    }

    await karen.page.getByRole('button', { name: 'Accept this change' }).click();
    await expect(karen.plan.field(FIELD)).toHaveValue('');
    await priya.page.getByRole('button', { name: 'Keep my plan as it is' }).click();
    await expect(priya.page.locator('[data-held-removal]')).toHaveCount(0);
    await expect(priya.plan.field(FIELD)).toHaveValue(WORDS);
    await priya.plan.expectAllSaved();
    for (const told of [tom, karen]) {
      await expect(told.page.locator('[data-meeting-warning]', { hasText: `${staffProfiles.priya.name} refused a change and kept their plan as it was` })).toBeVisible({ timeout: 15_000 });
    }
  } finally {
    for (const participant of everyone) await participant.close();
  }
});
