import { largePlanDoc, planSizes } from '../../support/large-plans';
import { defineBench, type BenchResult } from '../bench-row';
import { single, statsOf } from '../measure';
import { MeetingLab, planState, waitFor, type LabParticipant } from '../../support/meeting-lab/meeting-lab';

const KEYSTROKES = 40;
const ROUNDS = 3;

/** Per round: p50 and p95 of (painted on another participant - typed), over every other participant. */
async function editToOther(typist: LabParticipant, others: readonly LabParticipant[]): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < KEYSTROKES; index += 1) {
    const { at, length } = await typist.lab((lab) => lab.type());
    for (const other of others) {
      let painted: number | null = null;
      const arrived = await waitFor(async () => (painted = await other.lab((lab, wanted: never) => lab.paintedAt(wanted), length)) !== null, 10_000, 2);
      if (!arrived || painted === null) throw new Error('a keystroke did not arrive within 10 s');
      latencies.push(painted - at);
    }
  }
  return latencies;
}

/** The floor: a bare RTCDataChannel one-way (to the next painted frame) between the same two Chromium processes. */
async function rawFloor(from: LabParticipant, to: LabParticipant, round: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < KEYSTROKES; index += 1) {
    const seq = round * 1000 + index;
    const at = await from.lab((lab, value: never) => lab.rawSend(value), seq);
    let painted: number | null = null;
    await waitFor(async () => (painted = await to.lab((lab, value: never) => lab.rawPaintedAt(value), seq)) !== null, 10_000, 2);
    if (painted === null) throw new Error('a raw message did not arrive');
    latencies.push(painted - at);
  }
  return latencies;
}

const percentile = (values: readonly number[], fraction: number) => statsOf(values)[fraction === 0.5 ? 'median' : 'p95'];

/**
 * Edit-to-other-participant latency with 2, 4 and 8 participants (each its own Chromium
 * process, real WebRTC, real signaling, the app's MeetingSession on the 50/300 plan),
 * against the raw data-channel floor between the same processes; and data-channel messages
 * per keystroke, counted on every page, against n-1.
 */
export const bench = defineBench({
  name: 'meeting latency',
  run: async ({ tempDir, note }) => {
    const rows: BenchResult[] = [];
    const state = planState(largePlanDoc(planSizes.large));
    for (const size of [2, 4, 8]) {
      const lab = await MeetingLab.open(tempDir());
      try {
        const everyone = await lab.join(size, state);
        const meshMs = await lab.fullMesh(everyone, 120_000);
        if (meshMs === null) throw new Error(`${size} participants did not all connect`);
        note(`${size} participants connected in ${meshMs} ms`);
        const [typist, first] = everyone;
        if (!typist || !first) throw new Error('no participants');
        const others = everyone.slice(1);
        const offer = await typist.lab((lab) => lab.rawOffer());
        const answer = await first.lab((lab, value: never) => lab.rawAnswer(value), offer);
        await typist.lab((lab, value: never) => lab.rawAccept(value), answer);
        await waitFor(async () => (await typist.lab((lab) => lab.rawOpen())) && (await first.lab((lab) => lab.rawOpen())), 20_000);

        const sentBefore = await Promise.all(everyone.map((participant) => participant.counts()));
        const p50: number[] = [];
        const p95: number[] = [];
        const floor50: number[] = [];
        const floor95: number[] = [];
        for (let round = 0; round < ROUNDS; round += 1) {
          const latencies = await editToOther(typist, others);
          p50.push(percentile(latencies, 0.5));
          p95.push(percentile(latencies, 0.95));
          const raw = await rawFloor(typist, first, round);
          floor50.push(percentile(raw, 0.5));
          floor95.push(percentile(raw, 0.95));
        }
        const sentAfter = await Promise.all(everyone.map((participant) => participant.counts()));
        const syncMessages = sentAfter.reduce((total, counts, index) => total + counts.sent.sync - (sentBefore[index]?.sent.sync ?? 0), 0);
        const keystrokes = KEYSTROKES * ROUNDS;
        rows.push(
          { name: `edit to other participant p50, ${size} participants`, baselineLabel: 'raw data channel p50', baseline: statsOf(floor50), candidateLabel: 'meeting edit', candidate: statsOf(p50), unit: 'ms' },
          {
            name: `edit to other participant p95, ${size} participants`,
            baselineLabel: 'raw data channel p95',
            baseline: statsOf(floor95),
            candidateLabel: 'meeting edit',
            candidate: statsOf(p95),
            unit: 'ms',
            target: size === 8 ? '<= 2x floor' : '',
          },
          { name: `plan messages per keystroke, ${size} participants`, baselineLabel: 'n-1', baseline: single(size - 1), candidateLabel: 'counted on every page', candidate: single(syncMessages / keystrokes), unit: 'msgs', target: '<= n-1' },
        );
      } finally {
        await lab.close();
      }
    }
    return rows;
  },
});
