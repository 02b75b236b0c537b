import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as Y from 'yjs';
import { CareStore } from '../../../main/store/care-store';
import { chromiumArgs } from '../../../playwright.config';
import { startBrowserHost, TEST_PASSPHRASE } from '../../e2e/support/browser-host-process';
import { largePlanDoc, planSizes, type PlanSize } from '../../support/large-plans';
import { defineBench } from '../bench-row';
import { statsOf } from '../measure';
import { benchActor } from '../support/bench-store';

const ROUNDS = 3;

/** The renderer's JS heap (after a forced GC) with the plan's Actions screen open in the real app. */
async function heapWithPlanOpen(size: PlanSize, dataDir: string): Promise<number> {
  const store = CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase: TEST_PASSPHRASE } });
  const name = `Bench plan ${size.label}`;
  try {
    store.saveProfile({ ...benchActor });
    store.createPlan(randomUUID(), name, Y.encodeStateAsUpdate(largePlanDoc(size)), benchActor);
  } finally {
    store.close();
  }
  const host = await startBrowserHost(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CAREHOUSE_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await page.getByRole('button', { name: `Open ${name}` }).click({ timeout: 60_000 });
    await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: 'Actions', exact: true }).click({ timeout: 60_000 });
    await page.locator('.plan-view').getByRole('heading', { level: 2, name: 'Actions', exact: true }).waitFor({ timeout: 120_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / (1024 * 1024);
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** Renderer heap with the 50-goal/300-action plan open (Actions screen) vs Jill's plan, same app, same run. */
export const bench = defineBench({
  name: 'renderer heap',
  run: async ({ tempDir }) => {
    if (!existsSync('dist/main/browser-host.cjs')) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    const jill: number[] = [];
    const large: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      jill.push(await heapWithPlanOpen(planSizes.jill, tempDir()));
      large.push(await heapWithPlanOpen(planSizes.large, tempDir()));
    }
    return [{ name: 'renderer heap, Actions screen open', baselineLabel: "Jill's plan", baseline: statsOf(jill), candidateLabel: '50 goals / 300 actions', candidate: statsOf(large), unit: 'MiB' }];
  },
});
