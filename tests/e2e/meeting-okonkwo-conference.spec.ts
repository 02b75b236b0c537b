import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { freshDataDir } from './support/browser-host-process';
import { freePort, MeetingParticipant } from './support/meeting-participant';
import { MeetingRecordPage } from './support/meeting-record-page';
import { okonkwoConference } from './support/personal-data-samples';
import { PlansPage } from './support/plans-page';
import { readStoredPlan } from './support/store-plan-text';

/** The Okonkwo example's fixed id (main/services/demo-service.ts). */
const OKONKWO = '0e8a1f3c-5b7d-4c2e-9f10-3a6b8d2c1e03';
const DATE = '2027-01-11';
const TITLE = `Family group conference, ${DATE}`;

const decisions = [
  {
    title: 'Housing',
    decision: 'The council makes a priority transfer offer within eight weeks',
    reasoning: "Joy's asthma is worse in the damp flat",
    dissent: 'Kevin Doyle (housing): eight weeks cannot be promised while the list is this long',
  },
  { title: 'School', decision: "Daniel's attendance plan starts on Monday", reasoning: 'Ada can walk him on the days Grace has appointments' },
];
const newActions = [
  { what: 'Make the priority transfer offer', who: 'Kevin Doyle (Housing officer)', due: '2027-03-08' },
  { what: 'Start the attendance plan with Daniel', who: 'Janet Hughes (School attendance officer)', due: '2027-01-18' },
  { what: 'Apply for the household support fund', who: 'Imran Malik (Welfare rights adviser)', due: '2027-01-25' },
  { what: 'Walk Daniel to school on Mondays and Tuesdays', who: 'Ada Okonkwo (Sister)', due: '2027-01-18' },
];

test('the Okonkwo family conference is run from the screen on two laptops, with private family time that stays private until shared', async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  const chair = await MeetingParticipant.start('sarah', freshDataDir('conference-chair'), ['--host-meeting', '--meeting-host', '127.0.0.1', '--meeting-port', String(port)]);
  const family = await MeetingParticipant.start('ada', freshDataDir('conference-family'));
  try {
    await chair.createProfile(okonkwoConference.chair);
    await family.createProfile(okonkwoConference.familyLaptop);
    const plans = new PlansPage(chair.page);
    await plans.loadExamplePlans();
    await plans.open('Okonkwo family (example)');
    const { address, code } = await chair.hostMeeting();
    await family.joinFromPlansList(address, code);
    await expect(family.plan.navButton('Live meeting')).toBeVisible({ timeout: 30_000 });
    await chair.expectConnectedTo(1);
    await family.expectConnectedTo(1);

    // The chair starts the record; attendees come from the team, the family and presence.
    const record = new MeetingRecordPage(chair.page);
    await record.open();
    await record.start('Family group conference', DATE);
    await expect(record.candidate(okonkwoConference.familyLaptop.name)).toContainText('family, in the live meeting');
    await expect(record.candidate(okonkwoConference.chair.name)).toContainText('care team, in the live meeting');
    const attendees = ['Sarah Bennett', 'Ada Okonkwo', 'Grace Okonkwo', 'Dr Michael Osei', 'Rachel Moore', 'Lucy Evans', 'Kevin Doyle', 'Imran Malik'];
    for (const name of attendees) await record.markHere(name);
    await expect(record.list('attendees')).toContainText('Kevin Doyle — Housing officer, Bristol City Council');
    await record.markApologies('Janet Hughes');
    await record.addSomeoneElse(okonkwoConference.adHoc.name, okonkwoConference.adHoc.role, okonkwoConference.adHoc.organisation);
    await record.view.getByLabel('Information-sharing notice read out').check();

    // Carried-over actions from the first conference, each reviewed with a note.
    await record.reviewCarried('Benefits check', 'Done', 'Done; Grace now gets £40 a week more');
    await record.reviewCarried('Damp repair in the current flat', 'Dropped', 'The family is moving');
    await record.reviewCarried('Priority transfer application', 'Still open', 'Waiting for the panel');

    // Two decisions, one with dissent.
    for (const entry of decisions) await record.addAgendaItem(entry);

    // Private family time, typed on the family's laptop only.
    const familyRecord = new MeetingRecordPage(family.page);
    await familyRecord.open();
    await familyRecord.openRecord(TITLE);
    await familyRecord.privateNotes().fill(okonkwoConference.privateNotes);
    await familyRecord.expectPrivateNotesSaved();
    await family.plan.expectAllSaved();
    await chair.plan.expectAllSaved();
    const meetingId = (await chair.page.locator('[data-meeting-record]').getAttribute('data-meeting-record')) ?? '';
    expect(meetingId).not.toBe('');

    // Positive control for "it would have arrived": the decisions typed by the chair reached the family's laptop.
    await expect(familyRecord.view.locator('[data-agenda]').getByLabel('Decision', { exact: true }).nth(1)).toHaveValue(decisions[1]!.decision);
    const beforeSharing = {
      chair: await readStoredPlan(chair.host.dataDir, OKONKWO, meetingId),
      family: await readStoredPlan(family.host.dataDir, OKONKWO, meetingId),
    };
    const secret = okonkwoConference.privateNotes;
    expect(beforeSharing.family.privateNotes, 'kept on the family laptop').toBe(secret);
    expect(beforeSharing.chair.privateNotes).toBe('');
    for (const [who, stored] of Object.entries(beforeSharing)) {
      expect(JSON.stringify(stored.snapshot), `${who}: plan`).not.toContain('Ada will walk Daniel');
      expect(stored.updateLogText, `${who}: update log`).not.toContain('Ada will walk Daniel');
      expect(stored.updateLogText, `${who}: update log has the decisions (control)`).toContain(decisions[0]!.dissent);
      for (const [format, text] of Object.entries(stored.exports)) expect(text, `${who}: ${format} export`).not.toContain('Ada will walk Daniel');
    }
    await expect(record.view.locator('[data-family-shared]')).toHaveCount(0);

    // The family shares: now it arrives, attributed to the family.
    await familyRecord.view.getByRole('button', { name: 'Share the family’s plan with the meeting' }).click();
    await expect(record.view.locator('[data-family-shared]')).toContainText(secret, { timeout: 20_000 });
    await expect(record.view.locator('[data-family-shared]')).toContainText('Shared by the family at');
    // The explicit "agreeing the plan" step: three questions, the family lead.
    for (const question of ['Does the family’s plan meet the agencies’ bottom lines?', 'Is it specific and time-bound (who does what by when)?', 'Does everyone agree to it?']) {
      await record.view.getByRole('group', { name: question }).getByLabel('Yes').check();
    }
    await record.view.getByLabel('Family lead').fill('Ada Okonkwo');
    await record.view.getByRole('button', { name: 'Record the answers' }).click();
    await expect(record.view.getByLabel('Agreeing the plan', { exact: true })).toHaveValue(/Agreeing the plan: AGREED\.[\s\S]*Family lead: Ada Okonkwo\./);

    // Four new actions, straight into the plan's action list, linked to this meeting.
    for (const action of newActions) await record.addAction(action);
    await record.view.getByLabel('Next meeting', { exact: true }).fill('2027-04-12');
    await chair.plan.expectAllSaved();
    await expect.poll(async () => (await readStoredPlan(chair.host.dataDir, OKONKWO, meetingId)).updateLogText.includes('Ada will walk Daniel'), { timeout: 20_000 }).toBe(true);

    // The minutes, as PDF: every attendee, apology, decision, dissent and action.
    const pdf = await record.download('Minutes as PDF');
    expect(pdf.name).toBe(`grace-okonkwo-${DATE}-minutes.pdf`);
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.bytes }).toString('utf8').replace(/\s+/g, ' ');
    for (const name of [...attendees, okonkwoConference.adHoc.name]) expect(text, name).toContain(name);
    expect(text).toContain('Apologies • Janet Hughes (School attendance officer)');
    expect(text).toContain('Grace Okonkwo attended');
    expect(text).toContain('The information-sharing notice was read out');
    for (const entry of decisions) expect(text).toContain(entry.decision);
    expect(text).toContain(decisions[0]!.dissent);
    for (const action of newActions) {
      expect(text, action.what).toContain(action.what);
      expect(text, action.what).toContain(`by ${action.due}`);
    }
    expect(text).toContain('Ada will walk Daniel');
    expect(text).toContain('Agreeing the plan: AGREED.');
    expect(text).toContain('Family lead: Ada Okonkwo.');
    const markdown = (await record.download('Minutes as Markdown')).bytes.toString('utf8');
    expect(markdown).toContain('**Dissent:** Kevin Doyle');
    const invite = (await record.download('Calendar invite for the next meeting')).bytes.toString('utf8');
    expect(invite).toContain('DTSTART;VALUE=DATE:20270412');

    // Both laptops hold the same plan: four new actions from this meeting, the carried-over ones updated.
    await family.plan.expectAllSaved();
    for (const participant of [chair, family]) {
      const stored = await readStoredPlan(participant.host.dataDir, OKONKWO, meetingId);
      const fromMeeting = stored.snapshot.actions.filter((action) => action.agreedAtMeetingId === meetingId).map((action) => action.what);
      expect(fromMeeting.sort()).toEqual(newActions.map((action) => action.what).sort());
      const benefits = stored.snapshot.actions.find((action) => action.what === 'Benefits check');
      expect(benefits).toMatchObject({ status: 'done' });
      expect(benefits?.notes).toContain(`Reviewed at the meeting on ${DATE}: done — Done; Grace now gets £40 a week more.`);
      expect(stored.snapshot.actions.find((action) => action.what === 'Damp repair in the current flat')?.status).toBe('cancelled');
    }
  } finally {
    await chair.close();
    await family.close();
  }
});
