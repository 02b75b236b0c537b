import { expect, test } from '@playwright/test';
import { freshDataDir } from './support/browser-host-process';
import { dataChannelCounterScript, difference, readCounts, sumCounts, type ChannelCounts } from './support/data-channel-counter';
import { freePort, MeetingParticipant } from './support/meeting-participant';
import { jillMarsh, meetingSamples, staffProfiles } from './support/personal-data-samples';

const FIELD = 'What is most important to me';

/**
 * Waits until every message any page has sent has been received (summed over all pages,
 * the same two readings in a row). A page re-sends synchronously when it applies what it
 * received, so at that point nothing sent in reaction to the keystroke is still to come:
 * a fixpoint, not a timer.
 */
async function settledCounts(participants: readonly MeetingParticipant[]): Promise<ChannelCounts> {
  let last = '';
  let settled: ChannelCounts | undefined;
  await expect
    .poll(
      async () => {
        const total = sumCounts(await Promise.all(participants.map((participant) => readCounts(participant.page))));
        const reading = JSON.stringify(total);
        const balanced = total.sent.sync === total.received.sync && total.sent.presence === total.received.presence;
        const same = reading === last;
        last = reading;
        settled = total;
        return balanced && same;
      },
      { timeout: 20_000, intervals: [100, 200, 300] },
    )
    .toBe(true);
  if (!settled) throw new Error('no counts');
  return settled;
}

async function meetingOf(size: number): Promise<MeetingParticipant[]> {
  const port = await freePort();
  const options = { initScript: dataChannelCounterScript };
  const host = await MeetingParticipant.start('host', freshDataDir('traffic-host'), ['--host-meeting', '--meeting-host', '127.0.0.1', '--meeting-port', String(port)], options);
  const everyone = [host];
  await host.createProfile(staffProfiles.priya);
  await host.createPlan(jillMarsh.fullName);
  const { address, code } = await host.hostMeeting();
  const others = [staffProfiles.tom, meetingSamples.karen, staffProfiles.tom];
  for (let index = 1; index < size; index += 1) {
    const participant = await MeetingParticipant.start(`participant-${index}`, freshDataDir(`traffic-${index}`), [], options);
    everyone.push(participant);
    const profile = others[(index - 1) % others.length] ?? staffProfiles.tom;
    await participant.createProfile({ ...profile, name: `${profile.name} ${index}` });
    await participant.joinFromPlansList(address, code);
    await expect(participant.plan.navButton('Live meeting')).toBeVisible({ timeout: 30_000 });
  }
  for (const participant of everyone) await participant.expectConnectedTo(size - 1, 60_000);
  for (const participant of everyone) await participant.plan.openSection('About me');
  return everyone;
}

for (const size of [2, 4]) {
  test(`a keystroke in a meeting of ${size} is sent once to each other participant, never echoed`, async () => {
    test.setTimeout(240_000);
    const everyone = await meetingOf(size);
    try {
      const [typist] = everyone;
      if (!typist) throw new Error('no participants');
      const field = typist.plan.field(FIELD);
      await field.click();
      // Positive control and warm-up: a first keystroke reaches everyone (so counting can see traffic).
      await field.press('A');
      for (const participant of everyone) await expect(participant.plan.field(FIELD)).toHaveValue('A', { timeout: 20_000 });
      const before = await settledCounts(everyone);

      await field.press('b');
      for (const participant of everyone) await expect(participant.plan.field(FIELD)).toHaveValue('Ab', { timeout: 20_000 });
      const after = await settledCounts(everyone);
      const sent = difference(after.sent, before.sent);
      console.log(`meeting of ${size}: one keystroke sent ${JSON.stringify(sent)} data-channel messages`);

      // The change itself: exactly one message to each other participant (y-webrtc as shipped sends n(n-1)).
      expect(sent.sync).toBe(size - 1);
      // Presence (the typist's caret and focus): at most one message per change to each other participant, twice at most.
      expect(sent.presence).toBeLessThanOrEqual(2 * (size - 1));
      for (const participant of everyone) await expect(participant.page.locator('[data-meeting-warning]')).toHaveCount(0);
    } finally {
      for (const participant of everyone) await participant.close();
    }
  });
}
