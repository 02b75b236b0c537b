import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freshDataDir } from './support/browser-host-process';
import { freePort, MeetingParticipant } from './support/meeting-participant';
import { jillMarsh, staffProfiles } from './support/personal-data-samples';

/** Every "About me" field that holds 5,000 characters. */
const aboutMeFields = [
  'What is most important to me',
  'People who are important to me',
  'How I communicate and how to communicate with me',
  'My wellness: a good day',
  'My wellness: a bad day',
  'What can trigger a bad day',
  'Please do',
  "Please don't",
  'How and when to support me',
  'Also worth knowing about me',
  'What helps me look after myself',
];

/** Long, mostly multi-byte text (3 bytes a character in UTF-8), to make big Yjs updates. */
const longText = (length: number, seed: string) => `${seed} 漢字のテキスト — ü ☕ `.repeat(Math.ceil(length / 10)).slice(0, length);

const axePath = join(process.cwd(), 'node_modules/axe-core/axe.min.js');

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

test('a long plan and a 20,000-character paste reach another laptop, and the shared screen follows the chair', async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const priya = await MeetingParticipant.start('priya', freshDataDir('meeting-large-priya'), ['--host-meeting', '--meeting-host', '127.0.0.1', '--meeting-port', String(port)], { bypassCSP: true });
  const screen = await MeetingParticipant.start('screen', freshDataDir('meeting-large-screen'), [], { bypassCSP: true });
  try {
    await priya.createProfile(staffProfiles.priya);
    await screen.createProfile(staffProfiles.tom);
    expect(await seriousViolations(screen.page)).toEqual([]);

    await priya.createPlan(jillMarsh.fullName);
    await priya.plan.openSection('About me');
    for (const [index, label] of aboutMeFields.entries()) await priya.plan.field(label).fill(longText(5_000, `Field ${index}`));
    await priya.plan.expectAllSaved();
    const { address, code } = await priya.hostMeeting();
    expect(await seriousViolations(priya.page)).toEqual([]);

    // The whole plan (~165 KB of text) arrives in one sync, split into data-channel messages.
    const started = Date.now();
    await screen.joinFromPlansList(address, code);
    await expect(screen.plan.navButton('Live meeting')).toBeVisible({ timeout: 30_000 });
    console.log(`large plan received in ${Date.now() - started} ms`);
    await screen.plan.openSection('About me');
    for (const [index, label] of aboutMeFields.entries()) await expect(screen.plan.field(label)).toHaveValue(longText(5_000, `Field ${index}`));

    // A 20,000-character paste (its field's limit), ~60 KB as one update, arrives whole.
    await priya.plan.openSection('Additional support plans');
    const item = await priya.plan.addItem('support plan', 'Support plan');
    const pasted = longText(20_000, 'Support');
    await priya.plan.field('What the plan says', item).fill(pasted);
    await screen.plan.openSection('Additional support plans');
    await expect(screen.plan.field('What the plan says', await screen.plan.openDetails('Support plan', 1))).toHaveValue(pasted, { timeout: 15_000 });

    // The shared screen follows the chair (the host) from screen to screen.
    await screen.expectConnectedTo(1);
    await screen.page.getByLabel('Follow the chair').check();
    await priya.plan.openSection('Goals');
    await expect(screen.plan.view.getByRole('heading', { level: 2, name: 'Goals', exact: true })).toBeVisible();
    await priya.plan.openSection('Care team');
    await expect(screen.plan.view.getByRole('heading', { level: 2, name: 'Care team', exact: true })).toBeVisible();
    expect(await seriousViolations(screen.page)).toEqual([]);
  } finally {
    await priya.close();
    await screen.close();
  }
});
