import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { buildExamplePlan, getPlanText } from '../../../shared/plan';
import { CareStore, type AppendedUpdate } from '../../../main/store/care-store';
import { deriveChainKey } from '../../../main/store/chain-mac';
import { openDatabaseFile } from '../../../main/store/database-file';
import { unlockKeyRing } from '../../../main/store/key-ring';
import { applyMigrations } from '../../../main/store/migrations';
import { listPlanRecords } from '../../../main/store/plan-records';
import type { BenchResult } from '../bench-row';
import { sampleMs, single, type Stats } from '../measure';

/** A row before it is printed: rates and sizes are one number, times are samples. */
type BenchRow = Omit<BenchResult, 'baseline' | 'candidate'> & { baseline: Stats | number; candidate: Stats | number };
const medianMs = (runs: number, fn: () => void): Stats => sampleMs(runs, fn);
const asStats = (value: Stats | number): Stats => (typeof value === 'number' ? single(value) : value);

// Issue 12 + the store part of issue 14. Each row against a baseline measured here, now.
const actor = { name: 'Bench', role: 'Bench', organisation: '' };
const keySource = { kind: 'passphrase', passphrase: 'bench passphrase' } as const;

function jillDoc(): Y.Doc {
  const doc = new Y.Doc();
  buildExamplePlan('jill', doc, { today: '2026-11-23' });
  return doc;
}

/** Edit-heavy typing: letters typed, every seventh backspaced, old text cut as it grows. */
function typing(count: number): { doc: Y.Doc; initial: Uint8Array; updates: Uint8Array[] } {
  const doc = jillDoc();
  const initial = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = getPlanText(doc, ['aboutMe', 'whatMatters']);
  if (!text) throw new Error('no text');
  for (let index = 0; updates.length < count; index += 1) {
    if (index % 7 === 6 && text.length > 0) text.delete(text.length - 1, 1);
    else text.insert(text.length, 'abcdefghij'[index % 10] ?? 'a');
    if (text.length > 2000) text.delete(0, 1000);
  }
  return { doc, initial, updates };
}

const entries = (planId: string, updates: readonly Uint8Array[]): AppendedUpdate[] =>
  updates.map((update) => ({ planId, update, origin: 'local', actor, sections: ['aboutMe'] }));

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Appends as the app does (groups of `group`), letting queued compactions run between groups. */
async function appendAll(store: CareStore, planId: string, updates: readonly Uint8Array[], group: number): Promise<void> {
  for (let start = 0; start < updates.length; start += group) {
    store.appendUpdates(entries(planId, updates.slice(start, start + group)));
    await turn();
  }
  while (store.compactionPending(planId)) await turn();
}

// 1. Opening a store of 50 plans: with chain verification (and schema check) vs the open
// CareHouse did before issue 12 (unlock, migrations, list the plans).
async function openFiftyPlans(tempDir: () => string): Promise<BenchRow> {
  const dataDir = tempDir();
  const store = CareStore.open({ dataDir, keySource });
  for (let plan = 0; plan < 50; plan += 1) {
    const { initial, updates } = typing(120);
    const planId = randomUUID();
    store.createPlan(planId, `Plan ${plan}`, initial, actor);
    store.appendUpdates(entries(planId, updates));
  }
  store.close();
  const baseline = medianMs(15, () => {
    const db = openDatabaseFile(dataDir);
    const key = unlockKeyRing(db, keySource);
    applyMigrations(db);
    listPlanRecords({ db, key, chainKey: deriveChainKey(key), now: () => '' }, true);
    db.close();
  });
  const candidate = medianMs(15, () => {
    const opened = CareStore.open({ dataDir, keySource });
    if (opened.integrityReport().damagedPlans.length > 0) throw new Error('bench store damaged');
    opened.listPlans(true);
    opened.close();
  });
  return { name: 'open a store of 50 plans (121 updates each)', baselineLabel: 'open without chain check', baseline, candidateLabel: 'open + chains + schema', candidate, unit: 'ms' };
}

// 2. Durable acknowledged updates per second: one at a time, and grouped, vs the bare loop.
// The three are measured in alternating rounds, so a change in the machine's load falls on
// all of them alike; each row is the median round.
function durableRates(tempDir: () => string): BenchRow[] {
  const ROUNDS = 7;
  const PER_ROUND = 100;
  const GROUP = 100;
  const { initial, updates } = typing(ROUNDS * PER_ROUND * 2 + ROUNDS * GROUP * 3);
  const bare = new Database(join(tempDir(), 'bare.db'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE u (seq INTEGER PRIMARY KEY, b BLOB)');
  const insert = bare.prepare('INSERT INTO u (b) VALUES (?)');
  const store = CareStore.open({ dataDir: tempDir(), keySource, compactionThreshold: 1_000_000 });
  const planId = randomUUID();
  store.createPlan(planId, 'Bench', initial, actor);
  let next = 0;
  const take = () => updates[next++ % updates.length] ?? initial;
  const rate = (count: number, fn: () => void) => {
    const start = process.hrtime.bigint();
    fn();
    return count / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  const bareRates: number[] = [];
  const singleRates: number[] = [];
  const groupedRates: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    bareRates.push(rate(PER_ROUND, () => {
      for (let index = 0; index < PER_ROUND; index += 1) insert.run(take());
    }));
    singleRates.push(rate(PER_ROUND, () => {
      for (let index = 0; index < PER_ROUND; index += 1) store.appendUpdate(entries(planId, [take()])[0] as AppendedUpdate);
    }));
    groupedRates.push(rate(GROUP * 3, () => {
      for (let group = 0; group < 3; group += 1) store.appendUpdates(entries(planId, Array.from({ length: GROUP }, take)));
    }));
  }
  bare.close();
  store.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const bareRate = median(bareRates);
  return [
    { name: 'durable updates, one per commit', baselineLabel: 'bare INSERT, WAL+FULL', baseline: bareRate, candidateLabel: 'appendUpdate (sealed+audit+chain)', candidate: median(singleRates), unit: '/s' },
    { name: `durable updates, group commit of ${GROUP}`, baselineLabel: 'bare INSERT, WAL+FULL', baseline: bareRate, candidateLabel: 'appendUpdates', candidate: median(groupedRates), unit: '/s' },
  ];
}

// 3 + 4. Opening a plan with 1k / 10k / 100k stored updates vs applying the re-encoded
// document; and the stored size against the re-encoded size.
async function longHistories(tempDir: () => string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const count of [1_000, 10_000, 100_000]) {
    const { doc, initial, updates } = typing(count);
    const store = CareStore.open({ dataDir: tempDir(), keySource });
    const planId = randomUUID();
    store.createPlan(planId, 'Bench', initial, actor);
    await appendAll(store, planId, updates, 250);
    const reencoded = Y.encodeStateAsUpdate(doc);
    const runs = count >= 100_000 ? 7 : 15;
    const baseline = medianMs(runs, () => Y.applyUpdate(new Y.Doc(), reencoded));
    const candidate = medianMs(runs, () => Y.applyUpdate(new Y.Doc(), store.loadPlan(planId).state));
    rows.push({ name: `open a plan with ${count.toLocaleString('en-GB')} stored updates`, baselineLabel: 'apply re-encoded doc', baseline, candidateLabel: 'loadPlan + apply', candidate, unit: 'ms' });
    const stored = store.database
      .prepare(
        `SELECT COALESCE((SELECT LENGTH(state_blob) FROM plan_snapshots WHERE plan_id = ?), 0)
              + COALESCE((SELECT SUM(LENGTH(update_blob)) FROM plan_updates WHERE plan_id = ?), 0) AS bytes`,
      )
      .get(planId, planId) as { bytes: number };
    rows.push({ name: `stored state after ${count.toLocaleString('en-GB')} updates`, baselineLabel: 're-encoded doc', baseline: reencoded.length / 1024, candidateLabel: 'snapshot + tail (sealed)', candidate: stored.bytes / 1024, unit: 'KiB' });
    if (count === 10_000) {
      // The worst moment: a 499-update tail, one short of the next compaction.
      const more: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => more.push(update));
      const text = getPlanText(doc, ['aboutMe', 'whatMatters']);
      for (let index = 0; index < 499; index += 1) text?.insert(text.length, 'k');
      store.appendUpdates(entries(planId, more));
      const reencodedLater = Y.encodeStateAsUpdate(doc);
      const before = medianMs(runs, () => Y.applyUpdate(new Y.Doc(), reencodedLater));
      const tailed = medianMs(runs, () => Y.applyUpdate(new Y.Doc(), store.loadPlan(planId).state));
      rows.push({ name: 'open a plan with 10,000 updates + a 499-update tail', baselineLabel: 'apply re-encoded doc', baseline: before, candidateLabel: 'loadPlan + apply', candidate: tailed, unit: 'ms' });
    }
    store.close();
    doc.destroy();
  }
  return rows;
}

export async function storeBenchmarks(tempDir: () => string): Promise<BenchResult[]> {
  const rows = [await openFiftyPlans(tempDir), ...durableRates(tempDir), ...(await longHistories(tempDir))];
  return rows.map((row) => ({ ...row, baseline: asStats(row.baseline), candidate: asStats(row.candidate) }));
}
