import * as encoding from 'lib0/encoding';
import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { freshDataDir } from './support/browser-host-process';
import { freePort, MeetingParticipant } from './support/meeting-participant';
import { jillMarsh, meetingSamples, staffProfiles } from './support/personal-data-samples';

/**
 * Lets the test speak on this page's WebRTC data channels directly, as a faulty or hostile
 * copy of CareHouse would (every RTCDataChannel the page opens or accepts is kept), and
 * lose its outgoing messages on demand, as a bad network would.
 */
const captureDataChannels = `
  window.__meetingChannels = [];
  window.__dropOutgoing = false;
  const originalSend = RTCDataChannel.prototype.send;
  RTCDataChannel.prototype.send = function (data) {
    if (window.__dropOutgoing) return;
    return originalSend.call(this, data);
  };
  const Original = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('datachannel', (event) => window.__meetingChannels.push(event.channel));
    }
    createDataChannel(...args) {
      const channel = super.createDataChannel(...args);
      window.__meetingChannels.push(channel);
      return channel;
    }
  };
`;

/** A y-webrtc sync "update" message carrying `update`. */
function syncUpdateMessage(update: Uint8Array): number[] {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return [...encoding.toUint8Array(encoder)];
}

test('a peer sending junk and a plan-breaking change is refused, flagged and reported; a lost message is healed by the plan check', async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  const priya = await MeetingParticipant.start('priya', freshDataDir('meeting-bad-priya'), ['--host-meeting', '--meeting-host', '127.0.0.1', '--meeting-port', String(port)]);
  const tom = await MeetingParticipant.start('tom', freshDataDir('meeting-bad-tom'), [], { initScript: captureDataChannels });
  try {
    await priya.createProfile(staffProfiles.priya);
    await tom.createProfile(staffProfiles.tom);
    await priya.createPlan(jillMarsh.fullName);
    await priya.plan.openSection('Person');
    await priya.plan.field('First name').fill(jillMarsh.firstName);
    const { address, code } = await priya.hostMeeting();
    await tom.joinFromPlansList(address, code);
    await expect(tom.plan.navButton('Live meeting')).toBeVisible({ timeout: 30_000 });
    await priya.expectConnectedTo(1);
    await priya.plan.expectAllSaved();

    // Tom's laptop misbehaves: an unreadable update, then a well-formed Yjs update that adds
    // a section no care plan has (the shape check must refuse it).
    const hostile = new Y.Doc();
    hostile.getMap('evil').set('payload', 'x'.repeat(100));
    const breaking = Y.encodeStateAsUpdate(hostile);
    const messages = [syncUpdateMessage(new Uint8Array([1, 200, 7, 9, 9, 9, 9])), syncUpdateMessage(breaking)];
    const sent = await tom.page.evaluate((all) => {
      const channels = (window as unknown as { __meetingChannels: RTCDataChannel[] }).__meetingChannels.filter((channel) => channel.readyState === 'open');
      for (const channel of channels) for (const message of all) channel.send(new Uint8Array(message));
      return channels.length;
    }, messages);
    expect(sent).toBeGreaterThan(0);

    // Priya is told, Tom is flagged in "Who is here", and her plan is exactly as it was.
    const warning = priya.page.locator('[data-meeting-warning]');
    await expect(warning).toContainText(`from ${staffProfiles.tom.name}`);
    await expect(warning).toContainText('Your plan was not changed by it');
    await priya.plan.openSection('Live meeting');
    await expect(priya.page.getByRole('list', { name: 'People in this meeting' })).toContainText('Sent a change that was refused');
    expect(await priya.fieldValue('Person', 'First name')).toBe(jillMarsh.firstName);

    // Honest edits from Tom still arrive afterwards.
    await tom.plan.openSection('Person');
    await tom.plan.field('Family name').fill(jillMarsh.familyName);
    await expect.poll(() => priya.fieldValue('Person', 'Family name'), { timeout: 15_000 }).toBe(jillMarsh.familyName);

    // A message lost on the way: Tom's edit is sent while his outgoing messages vanish. Nothing
    // in y-webrtc sends it again; the periodic plan check (hash + state vector, every 10 s)
    // sees the copies differ and resyncs.
    await tom.page.evaluate(() => ((window as unknown as { __dropOutgoing: boolean }).__dropOutgoing = true));
    await tom.plan.field('Preferred name').fill(meetingSamples.offlinePreferredName);
    await tom.page.waitForTimeout(300);
    await tom.page.evaluate(() => ((window as unknown as { __dropOutgoing: boolean }).__dropOutgoing = false));
    const lostAt = Date.now();
    expect(await priya.fieldValue('Person', 'Preferred name')).toBe('');
    await expect.poll(() => priya.fieldValue('Person', 'Preferred name'), { timeout: 30_000, intervals: [500] }).toBe(meetingSamples.offlinePreferredName);
    console.log(`lost update healed by the plan check after ${Date.now() - lostAt} ms`);

    // Her store never took the refused change: restarted alone, the plan is the same.
    await priya.plan.expectAllSaved();
    await priya.restartHostAlone();
    await priya.page.getByRole('button', { name: `Open ${jillMarsh.fullName}` }).click();
    expect(await priya.fieldValue('Person', 'First name')).toBe(jillMarsh.firstName);
    expect(await priya.fieldValue('Person', 'Family name')).toBe(jillMarsh.familyName);
    expect(await priya.fieldValue('Person', 'Preferred name')).toBe(meetingSamples.offlinePreferredName);
  } finally {
    await priya.close();
    await tom.close();
  }
});
