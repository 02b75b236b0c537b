import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { largePlanDoc, planSizes } from '../support/large-plans';
import { MeetingLab, planState } from '../support/meeting-lab/meeting-lab';
import { e2eDataRoot } from './support/e2e-data-root';

/**
 * WebRTC that can never connect (relay-only ICE with no relay server): the page still
 * finds the others through signaling, as a laptop in a 30-person meeting does while the
 * mesh is still being built, but no data channel ever opens.
 */
const noDataChannels = `(() => {
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config, ...rest) {
      super({ ...(config ?? {}), iceServers: [], iceTransportPolicy: 'relay' }, ...rest);
    }
  };
})();`;

test('a meeting that is slow to connect never says no one could be reached; a wrong code still does', async () => {
  test.setTimeout(120_000);
  const lab = await MeetingLab.open(mkdtempSync(join(e2eDataRoot(), 'meeting-lab-')));
  try {
    const state = planState(largePlanDoc(planSizes.jill));
    const planId = '0e8a1f3c-5b7d-4c2e-9f10-3a6b8d2c1e55';
    const noPeerTimeoutMs = 1500;
    // Two laptops with the right code whose connections cannot complete...
    const slow = await lab.join(2, state, { planId, noPeerTimeoutMs, initScript: noDataChannels });
    // ...and, started after them, one with a wrong code (the positive control: nobody answers it).
    const [wrong] = await lab.join(1, state, { planId, code: 'WRNG-CODE-0000', noPeerTimeoutMs });
    if (!wrong) throw new Error('no participant');
    await expect.poll(() => wrong.lab((lab) => lab.noOneReachable()), { timeout: 30_000 }).toBe(true);
    // The wrong-code laptop started last, so the slow ones have waited at least as long.
    for (const participant of slow) {
      expect(await participant.lab((lab) => lab.peers())).toBe(0);
      expect(await participant.lab((lab) => lab.noOneReachable())).toBe(false);
    }
  } finally {
    await lab.close();
  }
});
