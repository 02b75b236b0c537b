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

interface WriterMode {
  /** Updates per group commit (one transaction). */
  group?: number;
  /** The deliberate bug for the control: acknowledge before the commit. */
  ackBeforeCommit?: boolean;
}

interface RoundOutcome {
  acked: string[];
  sawReady: boolean;
}

/** Runs the writer and SIGKILLs it after `killAfterMs` (counted from "ready", or from spawn). */
function runRound(round: number, killAfterMs: number, fromSpawn: boolean, mode: WriterMode = {}): Promise<RoundOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, planId, String(round), String(MAX_EDITS_PER_ROUND)], {
      env: childEnv({
        CAREHOUSE_PASSPHRASE: TEST_PASSPHRASE,
        CAREHOUSE_CRASH_GROUP: String(mode.group ?? 1),
        CAREHOUSE_CRASH_ACK_EARLY: mode.ackBeforeCommit ? '1' : '0',
      }),
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
    // Each round's child derives the key with scrypt N=2^17 (~0.4-1.5 s on 2 loaded cores).
  }, 300_000);
});

/** Every acknowledged key (from any round so far) still in the plan? Returns the missing ones. */
function missingAfterReopen(acknowledged: Map<string, string>): string[] {
  const store = openTestStore(dataDir);
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, store.loadPlan(planId).state);
    const edits = doc.getMap<string>('crashEdits');
    return [...acknowledged].filter(([key, value]) => edits.get(key) !== value).map(([key]) => key);
  } finally {
    store.close();
  }
}

describe('group commit: nothing acknowledged is lost when grouped writes are killed', () => {
  const GROUP = 16;
  const GROUPED_ROUNDS = 15;

  it(`survives ${GROUPED_ROUNDS} SIGKILLs during groups of ${GROUP} updates per transaction`, async () => {
    const random = seededRandom(seed + 1);
    const acknowledged = new Map<string, string>();
    let killedWhileWriting = 0;
    for (let round = 1000; round < 1000 + GROUPED_ROUNDS; round += 1) {
      const outcome = await runRound(round, Math.floor(random() * 150), false, { group: GROUP });
      for (const key of outcome.acked) acknowledged.set(key, `edit ${key.split('-')[1]} of round ${round}`);
      if (outcome.acked.length > 0) killedWhileWriting += 1;
      expect(missingAfterReopen(acknowledged), `grouped round ${round} (seed ${seed})`).toEqual([]);
    }
    expect(killedWhileWriting).toBeGreaterThanOrEqual(GROUPED_ROUNDS / 2);
    expect(acknowledged.size).toBeGreaterThan(GROUP * 5);
  }, 300_000);

  it('control: the same test catches a writer that acknowledges a group before its commit', async () => {
    const random = seededRandom(seed + 2);
    const acknowledged = new Map<string, string>();
    let lost: string[] = [];
    for (let round = 2000; round < 2030 && lost.length === 0; round += 1) {
      const outcome = await runRound(round, Math.floor(random() * 150), false, { group: GROUP, ackBeforeCommit: true });
      for (const key of outcome.acked) acknowledged.set(key, `edit ${key.split('-')[1]} of round ${round}`);
      lost = missingAfterReopen(acknowledged);
    }
    expect(lost.length, 'acknowledging before the commit must lose an acknowledged edit').toBeGreaterThan(0);
  }, 300_000);
});
