import { chromium, expect, type Browser, type Locator, type Page } from '@playwright/test';
import { createServer } from 'node:net';
import { chromiumArgs } from '../../../playwright.config';
import { startBrowserHost, type RunningHost } from './browser-host-process';
import { PlanPage } from './plan-page';
import { completeFirstRunProfile, type TestProfile } from './profile-page';

/** A free TCP port on 127.0.0.1 for the meeting's signaling server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * One participant's machine: its own browser host (own data folder, own SQLite) and its
 * own Chromium PROCESS (chromium.launch, not a context of a shared browser), so WebRTC,
 * signaling and storage are as separate as on three laptops.
 */
export class MeetingParticipant {
  readonly plan: PlanPage;

  private constructor(
    readonly label: string,
    readonly browser: Browser,
    readonly page: Page,
    public host: RunningHost,
    private readonly hostArgs: string[],
  ) {
    this.plan = new PlanPage(page);
  }

  /** `bypassCSP` only so a test can inject axe-core; the app's own CSP is otherwise in force. */
  /** `initScript` runs before the app in every page (e.g. to let a test act as a faulty peer). */
  static async start(label: string, dataDir: string, hostArgs: string[] = [], options: { bypassCSP?: boolean; initScript?: string } = {}): Promise<MeetingParticipant> {
    const host = await startBrowserHost(dataDir, hostArgs);
    const browser = await chromium.launch({ executablePath: process.env.CAREHOUSE_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs, headless: true });
    const page = await browser.newPage({ bypassCSP: options.bypassCSP ?? false });
    if (options.initScript) await page.addInitScript(options.initScript);
    await page.goto(host.url);
    return new MeetingParticipant(label, browser, page, host, hostArgs);
  }

  async createProfile(profile: TestProfile): Promise<void> {
    await completeFirstRunProfile(this.page, profile);
  }

  async createPlan(name: string): Promise<void> {
    await this.page.getByLabel('Name for the new plan').fill(name);
    await this.page.getByRole('button', { name: 'New plan' }).click();
    await expect(this.plan.navButton('Live meeting')).toBeVisible();
  }

  /** Live meeting -> Host meeting; returns what the host reads out. */
  async hostMeeting(): Promise<{ address: string; code: string }> {
    await this.plan.openSection('Live meeting');
    await this.plan.view.getByRole('button', { name: 'Host meeting' }).click();
    const address = (await this.page.locator('[data-meeting-address]').textContent()) ?? '';
    const code = (await this.page.locator('[data-meeting-code]').textContent()) ?? '';
    return { address, code };
  }

  /** On the plans list: Join meeting with the address and code. */
  async joinFromPlansList(address: string, code: string): Promise<void> {
    await this.page.getByLabel('Meeting address', { exact: true }).fill(address);
    await this.page.getByLabel('Meeting code', { exact: true }).fill(code);
    await this.page.getByRole('button', { name: 'Join meeting' }).click();
  }

  joinProblem(): Locator {
    return this.page.locator('#meeting-join-problem');
  }

  /** "In the meeting: connected to N other people" (the status line shown on every plan screen). */
  async expectConnectedTo(others: number, timeout = 20_000): Promise<void> {
    const text = others === 1 ? 'connected to 1 other person' : `connected to ${others} other people`;
    await expect(this.page.locator('.meeting-status')).toContainText(text, { timeout });
  }

  async leaveMeeting(): Promise<void> {
    await this.plan.openSection('Live meeting');
    await this.plan.view.getByRole('button', { name: 'Leave meeting' }).click();
    await expect(this.plan.view.getByRole('button', { name: 'Host meeting' })).toBeVisible();
  }

  /** After leaving: the Live meeting screen offers the same address and code again. */
  async rejoin(): Promise<void> {
    await this.plan.openSection('Live meeting');
    await this.plan.view.getByRole('button', { name: 'Join meeting' }).click();
    await expect(this.page.locator('[data-meeting-code]')).toBeVisible({ timeout: 20_000 });
  }

  async fieldValue(section: string, label: string): Promise<string> {
    await this.plan.openSection(section);
    return this.plan.field(label).inputValue();
  }

  /** Stops the browser host, starts it again on the same data folder, and reloads. */
  async restartHostAlone(): Promise<void> {
    await this.host.stop();
    this.host = await startBrowserHost(this.host.dataDir, []);
    await this.page.goto(this.host.url);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.host.stop();
  }
}
