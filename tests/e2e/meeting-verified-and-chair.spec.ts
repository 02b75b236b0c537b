import { expect, test } from '@playwright/test';
import { freshDataDir } from './support/browser-host-process';
import { freePort, MeetingParticipant } from './support/meeting-participant';
import { jillMarsh, meetingSamples, staffProfiles } from './support/personal-data-samples';

/**
 * Accountable meetings with three browser hosts (issue 11): an edit made by a participant
 * who proved her key shows her name as verified in the others' History of changes; and
 * the chair, held by a key, moves when handed over — Follow the chair follows the new chair.
 */
test('a verified participant’s edit is marked verified in the others’ history, and handing the chair over moves Follow the chair', async () => {
  test.setTimeout(150_000);
  const port = await freePort();
  const priya = await MeetingParticipant.start('priya', freshDataDir('verified-priya'), ['--host-meeting', '--meeting-host', '127.0.0.1', '--meeting-port', String(port)]);
  const tom = await MeetingParticipant.start('tom', freshDataDir('verified-tom'));
  const screen = await MeetingParticipant.start('screen', freshDataDir('verified-screen'));
  const everyone = [priya, tom, screen];
  try {
    await priya.createProfile(staffProfiles.priya);
    await tom.createProfile(staffProfiles.tom);
    await screen.createProfile(meetingSamples.karen);
    await priya.createPlan(jillMarsh.fullName);
    const { address, code } = await priya.hostMeeting();
    await tom.joinFromPlansList(address, code);
    await expect(tom.plan.navButton('Live meeting')).toBeVisible({ timeout: 30_000 });
    await screen.joinFromPlansList(address, code);
    await expect(screen.plan.navButton('Live meeting')).toBeVisible({ timeout: 30_000 });
    for (const participant of everyone) await participant.expectConnectedTo(2);

    // Who is here: everyone proved their key; the host holds the chair.
    await screen.plan.openSection('Live meeting');
    const people = screen.page.getByRole('list', { name: 'People in this meeting' });
    await expect(people.locator('[data-person]', { hasText: staffProfiles.tom.name }).locator('[data-verified="yes"]')).toBeVisible({ timeout: 15_000 });
    await expect(people).toContainText(`${staffProfiles.priya.name} (${staffProfiles.priya.role}) — chair`);

    // Tom edits; Priya's History of changes names him, verified.
    await tom.plan.openSection('Person');
    await tom.plan.field('Preferred name').fill('Jill');
    await tom.plan.expectAllSaved();
    await priya.plan.openSection('Person');
    await expect(priya.plan.field('Preferred name')).toHaveValue('Jill', { timeout: 15_000 });
    await priya.plan.expectAllSaved();
    await priya.plan.openSection('History of changes');
    await priya.plan.view.getByRole('button', { name: 'Refresh history' }).click();
    const tomRow = priya.plan.view.locator('table.history-table tbody tr', { hasText: staffProfiles.tom.name }).first();
    await expect(tomRow).toBeVisible();
    await expect(tomRow.locator('[data-verification="verified"]')).toContainText('Verified');
    await expect(priya.plan.view.locator('[data-verification="unverified"]')).toHaveCount(0);

    // The shared screen follows the chair (Priya), then Priya hands the chair to Tom.
    await screen.page.getByLabel('Follow the chair').check();
    await priya.plan.openSection('Goals');
    await expect(screen.plan.view.getByRole('heading', { level: 2, name: 'Goals', exact: true })).toBeVisible({ timeout: 15_000 });
    await priya.plan.openSection('Live meeting');
    await priya.page.getByRole('button', { name: `Hand the chair to ${staffProfiles.tom.name}` }).click();
    await tom.plan.openSection('Live meeting');
    await expect(tom.page.getByText('You hold the chair: the shared screen follows you.')).toBeVisible({ timeout: 15_000 });
    await tom.plan.openSection('Care team');
    await expect(screen.plan.view.getByRole('heading', { level: 2, name: 'Care team', exact: true })).toBeVisible({ timeout: 15_000 });
    // Priya is no longer followed: her moves do not move the screen.
    await priya.plan.openSection('Actions');
    await tom.plan.openSection('Goals');
    await expect(screen.plan.view.getByRole('heading', { level: 2, name: 'Goals', exact: true })).toBeVisible({ timeout: 15_000 });
  } finally {
    for (const participant of everyone) await participant.close();
  }
});
