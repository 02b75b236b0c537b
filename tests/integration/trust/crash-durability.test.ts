import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bundleForChild, childEnv } from '../../support/crash-writer-bundle';
import { seededRandom, testSeed } from '../../support/seeded-random';
import { TEST_PASSPHRASE, openTestStore, tempDataDir, testActor } from '../../support/temp-store';

const ROUNDS = 50;
const MAX_EDITS_PER_ROUND = 100_000;
const seed = testSeed(20261123);

let writer: string;
let dataDir: string;
const planId = randomUUID();

beforeAll(async () => {
  writer = await bundleForChild('tests/support/crash-writer.ts', 'crash-writer');
  dataDir = tempDataDir('carehouse-crash');
  const store = openTestStore(dataDir);
  const doc = new Y.Doc();
  doc.getMap('meta').set('createdAt', new Date().toISOString());
  store.createPlan(planId, 'Crash test plan', Y.encodeStateAsUpdate(doc), testActor);
  store.close();
});

interface RoundOutcome {
  acked: string[];
  sawReady: boolean;
}

/** Runs the writer and SIGKILLs it after `killAfterMs` (counted from "ready", or from spawn). */
function runRound(round: number, killAfterMs: number, fromSpawn: boolean): Promise<RoundOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, planId, String(round), String(MAX_EDITS_PER_ROUND)], {
      env: childEnv({ CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sawReady = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    const guard = setTimeout(kill, 15_000); // never hang, whatever the child does
    if (fromSpawn) timer = setTimeout(kill, killAfterMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sawReady && stdout.includes('ready\n')) {
        sawReady = true;
        if (!fromSpawn) timer = setTimeout(kill, killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`writer failed (${code}): ${stderr}`));
      // Only complete lines count: a half-written "ack" was never an acknowledgement.
      const lines = stdout.split('\n').slice(0, -1);
      resolve({ acked: lines.filter((line) => line.startsWith('ack ')).map((line) => line.slice(4)), sawReady });
    });
  });
}

describe('nothing acknowledged is lost when the process is killed at any instant', () => {
  it(`survives ${ROUNDS} SIGKILLs at random moments (seed ${seed})`, async () => {
    const random = seededRandom(seed);
    const acknowledged = new Map<string, string>();
    let killedWhileWriting = 0;
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round += 1) {
      // One round in five is killed early, while the store is still opening or recovering.
      const fromSpawn = random() < 0.2;
      const delay = Math.floor(random() * (fromSpawn ? 400 : 150));
      const outcome = await runRound(round, delay, fromSpawn);
      for (const key of outcome.acked) acknowledged.set(key, `edit ${key.split('-')[1]} of round ${round}`);
      if (outcome.acked.length > 0) killedWhileWriting += 1;

      const store = openTestStore(dataDir);
      try {
        expect(store.database.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        const doc = new Y.Doc();
        Y.applyUpdate(doc, store.loadPlan(planId).state);
        const edits = doc.getMap<string>('crashEdits');
        const missing = [...acknowledged].filter(([key, value]) => edits.get(key) !== value).map(([key]) => key);
        expect(missing, `round ${round} (seed ${seed}): acknowledged edits missing after SIGKILL`).toEqual([]);
      } finally {
        store.close();
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`crash durability: ${ROUNDS} rounds, ${acknowledged.size} acknowledged edits, ${killedWhileWriting} kills mid-write, ${seconds.toFixed(1)} s, seed ${seed}`);
    expect(killedWhileWriting).toBeGreaterThanOrEqual(ROUNDS / 2);
    expect(acknowledged.size).toBeGreaterThan(100);
  }, 120_000);
});
