import { expect, test } from '@playwright/test';
import { freshDataDir } from './support/browser-host-process';
import { describeViolations, seriousViolations } from './support/axe-check';
import { freePort, MeetingParticipant } from './support/meeting-participant';
import { MeetingRecordPage } from './support/meeting-record-page';
import { okonkwoConference } from './support/personal-data-samples';
import { PlansPage } from './support/plans-page';

test('Live meeting, Run the case conference, Agree and Export pass axe-core (no serious or critical) in normal and shared-screen mode', async () => {
  test.setTimeout(150_000);
  const port = await freePort();
  const chair = await MeetingParticipant.start('a11y-chair', freshDataDir('a11y-meeting'), ['--host-meeting', '--meeting-host', '127.0.0.1', '--meeting-port', String(port)], { bypassCSP: true });
  try {
    const { page } = chair;
    await chair.createProfile(okonkwoConference.chair);
    const plans = new PlansPage(page);
    await plans.loadExamplePlans();
    await plans.open('Okonkwo family (example)');
    const record = new MeetingRecordPage(page);
    const failures: string[] = [];
    const check = async (where: string) => {
      const found = await seriousViolations(page);
      if (found.length > 0) failures.push(`${where}:\n${describeViolations(found)}`);
    };
    await chair.hostMeeting();
    await check('Live meeting, hosting (normal)');
    await record.open();
    await check('Run the case conference: list (normal)');
    await record.start('Family group conference', '2027-01-11');
    await record.addAgendaItem({ title: 'Housing', decision: 'Priority transfer', dissent: 'Housing: cannot promise a date' });
    await record.view.getByRole('button', { name: 'Start the meeting timer' }).click();
    await expect(record.view.locator('[data-timer="total"]')).toBeVisible();
    await check('Run the case conference: record (normal)');
    const sharedSwitch = page.getByRole('switch', { name: 'Shared screen mode: large type and high contrast' });
    await sharedSwitch.check();
    await expect(page.locator('html')).toHaveClass(/shared-screen/);
    await check('Run the case conference: record (shared screen)');
    for (const mode of ['shared screen', 'normal'] as const) {
      if (mode === 'normal') {
        await sharedSwitch.uncheck();
        await expect(page.locator('html')).not.toHaveClass(/shared-screen/);
      }
      await chair.plan.openSection('Live meeting');
      await check(`Live meeting, hosting (${mode})`);
      await chair.plan.openSection('Agree and versions', 'Agree this version');
      await check(`Agree (${mode})`);
      await chair.plan.openSection('Export');
      await check(`Export (${mode})`);
    }
    await record.open();
    await check('Run the case conference: list after leaving the record (normal)');

    // Advisory problems appear at Agree, with the reason to record: a new plan with no goals.
    await chair.plan.backToPlans();
    await plans.createPlan('New person');
    await chair.plan.openSection('Agree and versions', 'Agree this version');
    const advisories = chair.plan.view.locator('[data-advisory-problems]');
    await expect(advisories).toContainText('The plan has no goals');
    await expect(advisories).toContainText('The plan has no contingency');
    await expect(advisories).toContainText('Nobody has asked the person whether their plan may be shared');
    await expect(chair.plan.view.getByLabel('Why agree it now, with these gaps')).toBeVisible();
    await check('Agree with advisory problems (normal)');
    if (failures.length > 0) console.log(failures.join('\n\n'));
    expect(failures, failures.join('\n\n')).toEqual([]);
  } finally {
    await chair.close();
  }
});
