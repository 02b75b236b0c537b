import { expect, test } from '@playwright/test';
import { invite, runCli, startRelayProcess, typeInto, whatMatters, type RelayProcess } from '../support/relay-processes';
import { openTestStore } from '../support/temp-store';
import { freshDataDir } from './support/browser-host-process';
import { freePort, MeetingParticipant } from './support/meeting-participant';
import { meetingSamples, staffProfiles } from './support/personal-data-samples';
import { connectToPracticeServer } from './support/practice-server';

const FIELD = 'What is most important to me';
const IN_THE_MEETING = 'Tom in the meeting: keeping the garden going.';
const FROM_THE_PRACTICE = ' Karen at the practice: carers twice a day.';

const count = (text: string, part: string) => text.split(part).length - 1;

/**
 * A live meeting and the practice relay on the same plan at once. Priya hosts the meeting
 * and is enrolled with the relay; Tom is in the meeting only; Karen's machine (a third data
 * folder, `carehouse sync`) is enrolled with the relay and not in the meeting. Tom's edit
 * reaches Karen through Priya's machine and the relay; Karen's edit reaches both meeting
 * participants; every copy ends with each edit exactly once.
 */
test('a live meeting and the practice relay run side by side on one plan', async () => {
  test.setTimeout(300_000);
  let relay: RelayProcess | undefined;
  const participants: MeetingParticipant[] = [];
  try {
    const relayDir = freshDataDir('side-relay');
    relay = await startRelayProcess(relayDir);
    const port = await freePort();
    const priya = await MeetingParticipant.start('priya', freshDataDir('side-priya'), ['--host-meeting', '--meeting-host', '127.0.0.1', '--meeting-port', String(port)]);
    participants.push(priya);
    const tom = await MeetingParticipant.start('tom', freshDataDir('side-tom'));
    participants.push(tom);
    await priya.createProfile(staffProfiles.priya);
    await tom.createProfile(staffProfiles.tom);
    await connectToPracticeServer(priya.page, relay.url, await invite(relayDir, staffProfiles.priya.name, staffProfiles.priya.role), staffProfiles.priya);

    // Karen's machine: enrolled with the relay, never in the meeting.
    const karen = freshDataDir('side-karen');
    const karenStore = openTestStore(karen);
    karenStore.saveProfile({ name: meetingSamples.karen.name, role: meetingSamples.karen.role, organisation: 'Leeds City Council' });
    karenStore.close();
    const code = await invite(relayDir, meetingSamples.karen.name, meetingSamples.karen.role);
    expect((await runCli(['connect', '--data-dir', karen, '--relay', relay.url, '--invite', code])).code).toBe(0);

    await priya.createPlan('Jill Marsh');
    const { address, code: meetingCode } = await priya.hostMeeting();
    await tom.joinFromPlansList(address, meetingCode);
    await expect(tom.plan.navButton('Live meeting')).toBeVisible({ timeout: 30_000 });
    await priya.expectConnectedTo(1);
    await tom.expectConnectedTo(1);
    for (const participant of participants) await participant.plan.openSection('About me');

    // Tom (not enrolled) types in the meeting; it reaches Karen through Priya's machine and the relay.
    await tom.plan.field(FIELD).fill(IN_THE_MEETING);
    await expect(priya.plan.field(FIELD)).toHaveValue(IN_THE_MEETING, { timeout: 30_000 });
    let planId = '';
    await expect(async () => {
      expect((await runCli(['sync', '--data-dir', karen])).code).toBe(0);
      const store = openTestStore(karen);
      const plan = store.listPlans(true)[0];
      planId = plan?.id ?? '';
      const text = plan ? whatMatters(store, plan.id) : '';
      store.close();
      expect(text).toBe(IN_THE_MEETING);
    }).toPass({ timeout: 90_000 });

    // Karen's edit at the practice reaches both people in the meeting.
    const store = openTestStore(karen);
    await typeInto(store, planId, FROM_THE_PRACTICE);
    store.close();
    expect((await runCli(['sync', '--data-dir', karen])).code).toBe(0);
    const both = IN_THE_MEETING + FROM_THE_PRACTICE;
    await expect(priya.plan.field(FIELD)).toHaveValue(both, { timeout: 60_000 });
    await expect(tom.plan.field(FIELD)).toHaveValue(both, { timeout: 60_000 });

    // Nothing lost or doubled anywhere, Karen's copy included (once more through the relay).
    await priya.plan.expectAllSaved();
    await tom.plan.expectAllSaved();
    expect((await runCli(['sync', '--data-dir', karen])).code).toBe(0);
    const final = openTestStore(karen);
    const karenText = whatMatters(final, planId);
    final.close();
    for (const text of [karenText, await priya.plan.field(FIELD).inputValue(), await tom.plan.field(FIELD).inputValue()]) {
      expect(text).toBe(both);
      expect(count(text, IN_THE_MEETING)).toBe(1);
      expect(count(text, FROM_THE_PRACTICE.trim())).toBe(1);
    }
  } finally {
    for (const participant of participants) await participant.close();
    await relay?.kill();
  }
});
