import { largePlanDoc, planSizes } from '../../support/large-plans';
import { defineBench, type BenchResult } from '../bench-row';
import { single } from '../measure';
import { MeetingLab, planState, waitFor } from '../../support/meeting-lab/meeting-lab';
import { descendantCpuSeconds } from '../support/process-cpu';

const IDLE_WINDOW_MS = 10_000;

interface MeetingRun {
  joinMs: number;
  /** Fewest other participants any one was connected to when the mesh wait ended. */
  fewestPeers: number;
  falseNoOneReachable: number;
  convergeMs: number;
  idleCores: number;
}

/**
 * `size` participants join one meeting on Jill's plan (pages spread over at most 10
 * Chromium processes: 30 browsers would not fit beside the other engineers' work on this
 * machine), everyone makes one edit, and we time how long after the LAST edit every copy
 * says the same (equal content hashes). Then the meeting sits idle and we measure how
 * much CPU all its Chromium processes use.
 */
async function meetingOf(size: number, tempDir: string, note: (message: string) => void): Promise<MeetingRun> {
  const lab = await MeetingLab.open(tempDir);
  try {
    const everyone = await lab.join(size, planState(largePlanDoc(planSizes.jill)), { browsers: 10 });
    // From the moment the last participant joined (pages are started one by one).
    const meshMs = await lab.fullMesh(everyone, 90_000);
    const joinMs = meshMs ?? Number.NaN;
    const peers = await Promise.all(everyone.map((participant) => participant.lab((lab) => lab.peers())));
    const alarms = await Promise.all(everyone.map((participant) => participant.lab((lab) => lab.noOneReachable())));
    note(`${size} participants: mesh ${meshMs === null ? 'incomplete' : `${meshMs} ms`}, fewest peers ${Math.min(...peers)}`);
    const before = await everyone[0]?.lab((lab) => lab.textLength()) ?? 0;
    let lastEdit = 0;
    for (const participant of everyone) lastEdit = (await participant.lab((lab) => lab.type())).at;
    const converged = await waitFor(
      async () => {
        const states = await Promise.all(everyone.map((participant) => participant.lab((lab) => ({ hash: lab.hash(), length: lab.textLength() }))));
        return new Set(states.map((state) => state.hash)).size === 1 && states.every((state) => state.length === before + size);
      },
      60_000,
      50,
    );
    const convergeMs = converged ? Date.now() - lastEdit : Number.NaN;
    const cpuBefore = descendantCpuSeconds();
    const idleStart = Date.now();
    await new Promise((resolve) => setTimeout(resolve, IDLE_WINDOW_MS));
    const idleCores = (descendantCpuSeconds() - cpuBefore) / ((Date.now() - idleStart) / 1000);
    return { joinMs, fewestPeers: Math.min(...peers), falseNoOneReachable: alarms.filter(Boolean).length, convergeMs, idleCores };
  } finally {
    await lab.close();
  }
}

export const bench = defineBench({
  name: 'meeting join converge',
  run: async ({ tempDir, note }) => {
    const rows: BenchResult[] = [];
    const baseline = await meetingOf(2, tempDir(), note);
    for (const size of [10, 20, 30]) {
      const run = await meetingOf(size, tempDir(), note);
      rows.push(
        { name: `${size} join one meeting: all connected after the last joined`, baselineLabel: '2 participants', baseline: single(baseline.joinMs), candidateLabel: `${size} (fewest peers ${run.fewestPeers}/${size - 1}, false "no one" ${run.falseNoOneReachable})`, candidate: single(run.joinMs), unit: 'ms' },
        { name: `${size} converge after the last edit`, baselineLabel: '2 participants', baseline: single(baseline.convergeMs), candidateLabel: `${size} participants`, candidate: single(run.convergeMs), unit: 'ms', target: size === 30 ? '<= 2000 ms' : '' },
        { name: `${size} idle meeting, CPU of its Chromiums`, baselineLabel: '2 participants', baseline: single(baseline.idleCores), candidateLabel: `${size} participants`, candidate: single(run.idleCores), unit: 'cores' },
      );
    }
    return rows;
  },
});
