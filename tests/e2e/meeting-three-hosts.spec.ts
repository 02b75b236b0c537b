import { expect, test } from '@playwright/test';
import { freshDataDir } from './support/browser-host-process';
import { freePort, MeetingParticipant } from './support/meeting-participant';
import { jillMarsh, meetingSamples, staffProfiles } from './support/personal-data-samples';

const WRONG_CODE = 'No one in this meeting could be reached with that code. Check the code with the host.';

/** Polls until every participant shows the same value in a field; returns how long it took. */
async function expectConverged(participants: MeetingParticipant[], section: string, label: string, expected?: string): Promise<{ value: string; ms: number }> {
  const started = Date.now();
  let values: string[] = [];
  await expect
    .poll(
      async () => {
        values = await Promise.all(participants.map((participant) => participant.fieldValue(section, label)));
        return new Set(values).size === 1 && (expected === undefined || values[0] === expected);
      },
      { timeout: 20_000, intervals: [100, 200, 300] },
    )
    .toBe(true);
  return { value: values[0] ?? '', ms: Date.now() - started };
}

test('three laptops edit one plan live, apart and together, and each keeps the whole plan', async () => {
  test.setTimeout(150_000);
  const port = await freePort();
  // Priya hosts (the signaling server runs next to her browser host on 127.0.0.1).
  const priya = await MeetingParticipant.start('priya', freshDataDir('meeting-priya'), ['--host-meeting', '--meeting-host', '127.0.0.1', '--meeting-port', String(port)]);
  const tom = await MeetingParticipant.start('tom', freshDataDir('meeting-tom'));
  const karen = await MeetingParticipant.start('karen', freshDataDir('meeting-karen'));
  const everyone = [priya, tom, karen];
  const timings: Record<string, number> = {};
  try {
    await priya.createProfile(staffProfiles.priya);
    await tom.createProfile(staffProfiles.tom);
    await karen.createProfile(meetingSamples.karen);

    await priya.createPlan(jillMarsh.fullName);
    await priya.plan.openSection('Person');
    await priya.plan.field('First name').fill(jillMarsh.firstName);
    const { address, code } = await priya.hostMeeting();
    expect(address).toBe(`127.0.0.1:${port}`);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(priya.page.getByRole('img', { name: /QR code to join/ })).toBeVisible();

    // Karen mistypes the code: nobody answers, she is told so, and she never gets the plan.
    const wrongCode = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    await karen.joinFromPlansList(address, wrongCode);
    await expect(karen.joinProblem()).toHaveText(WRONG_CODE, { timeout: 20_000 });
    await expect(karen.page.getByRole('list', { name: 'Plans' }).getByRole('listitem')).toHaveCount(0);

    // Tom and Karen join with the right code; neither laptop had the plan.
    let started = Date.now();
    await tom.joinFromPlansList(address, code);
    await expect(tom.plan.navButton('Live meeting')).toBeVisible({ timeout: 30_000 });
    timings.tomReceivedPlanMs = Date.now() - started;
    started = Date.now();
    await karen.joinFromPlansList(address, code);
    await expect(karen.plan.navButton('Live meeting')).toBeVisible({ timeout: 30_000 });
    timings.karenReceivedPlanMs = Date.now() - started;
    started = Date.now();
    for (const participant of everyone) await participant.expectConnectedTo(2);
    timings.allConnectedMs = Date.now() - started;
    await expectConverged(everyone, 'Person', 'First name', jillMarsh.firstName);

    // Presence: Tom sees who is here.
    await tom.plan.openSection('Live meeting');
    const people = tom.page.getByRole('list', { name: 'People in this meeting' });
    await expect(people).toContainText(`${staffProfiles.priya.name} (${staffProfiles.priya.role}) — chair`);
    await expect(people).toContainText(`${meetingSamples.karen.name} (${meetingSamples.karen.role})`);

    // Priya and Tom type into the same field at the same time; Karen watches. All converge.
    await priya.plan.openSection('About me');
    await tom.plan.openSection('About me');
    const priyaField = priya.plan.field('What is most important to me');
    const tomField = tom.plan.field('What is most important to me');
    await priyaField.click();
    await tomField.click();
    await expect(priya.page.locator('.field__editors')).toContainText(`${staffProfiles.tom.name} (${staffProfiles.tom.role}) is editing`);
    started = Date.now();
    await Promise.all([
      priyaField.pressSequentially(meetingSamples.typedByPriya, { delay: 15 }),
      tomField.pressSequentially(meetingSamples.typedByTom, { delay: 15 }),
    ]);
    timings.bothTypingMs = Date.now() - started;
    // Remote carets, in words under the field: Priya sees where Tom is typing.
    await expect(priya.page.getByRole('list', { name: 'Where others are typing in What is most important to me' })).toContainText(`${staffProfiles.tom.name} is typing after`);
    const typed = await expectConverged(everyone, 'About me', 'What is most important to me');
    timings.concurrentTypingConvergedAfterLastKeyMs = typed.ms;
    expect(typed.value).toHaveLength(meetingSamples.typedByPriya.length + meetingSamples.typedByTom.length);
    expect([...typed.value].sort().join('')).toBe([...(meetingSamples.typedByPriya + meetingSamples.typedByTom)].sort().join(''));

    // Karen leaves and keeps working; Priya edits meanwhile. Then Karen rejoins: both ways.
    await karen.leaveMeeting();
    await priya.expectConnectedTo(1);
    await karen.plan.openSection('Person');
    await karen.plan.field('Preferred name').fill(meetingSamples.offlinePreferredName);
    await priya.plan.openSection('Person');
    await priya.plan.field('Family name').fill(meetingSamples.whileApartFamilyName);
    await karen.page.waitForTimeout(500);
    expect(await karen.fieldValue('Person', 'Family name')).toBe('');
    expect(await tom.fieldValue('Person', 'Preferred name')).toBe('');
    started = Date.now();
    await karen.rejoin();
    await karen.expectConnectedTo(2);
    await expectConverged(everyone, 'Person', 'Preferred name', meetingSamples.offlinePreferredName);
    await expectConverged(everyone, 'Person', 'Family name', meetingSamples.whileApartFamilyName);
    timings.rejoinConvergedMs = Date.now() - started;

    // Every change is saved on every laptop before anyone stops, and nobody was warned of a
    // refused change or of copies that differ (the plan check has run every 10 s meanwhile).
    for (const participant of everyone) {
      await participant.plan.expectAllSaved();
      await expect(participant.page.locator('[data-meeting-warning]')).toHaveCount(0);
    }
    const final = {
      firstName: await priya.fieldValue('Person', 'First name'),
      familyName: await priya.fieldValue('Person', 'Family name'),
      preferredName: await priya.fieldValue('Person', 'Preferred name'),
      whatMatters: await priya.fieldValue('About me', 'What is most important to me'),
    };

    // Each laptop alone, restarted: the same plan, from its own store.
    for (const participant of everyone) {
      await participant.restartHostAlone();
      await participant.page.getByRole('button', { name: `Open ${jillMarsh.fullName}` }).click();
      expect({
        firstName: await participant.fieldValue('Person', 'First name'),
        familyName: await participant.fieldValue('Person', 'Family name'),
        preferredName: await participant.fieldValue('Person', 'Preferred name'),
        whatMatters: await participant.fieldValue('About me', 'What is most important to me'),
      }).toEqual(final);
    }
    test.info().annotations.push({ type: 'timings', description: JSON.stringify(timings) });
    console.log(`meeting timings: ${JSON.stringify(timings)}`);
  } finally {
    for (const participant of everyone) await participant.close();
  }
});
