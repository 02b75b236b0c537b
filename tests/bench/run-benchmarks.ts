import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { buildExamplePlan, getPlanText, readPlanSnapshot } from '../../shared/plan';
import { buildFhirBundle } from '../../shared/export/fhir/fhir-bundle';
import { CareStore } from '../../main/store/care-store';
import { PlanDocCache } from '../../main/services/plan-doc-cache';
import { medianMs, printTable, type BenchRow } from './measure';
import { storeBenchmarks } from './store-benchmarks';

// Speed and memory are measured here, never asserted in timed tests. Each row compares the
// real path against a baseline measured in the same run on the same machine.
const actor = { name: 'Bench', role: 'Bench', organisation: '' };
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'carehouse-bench-'));
  dirs.push(dir);
  return dir;
};

function jillDoc(): Y.Doc {
  const doc = new Y.Doc();
  buildExamplePlan('jill', doc, { today: '2026-11-23' });
  return doc;
}

function keystrokeUpdates(count: number): { initial: Uint8Array; updates: Uint8Array[] } {
  const doc = jillDoc();
  const initial = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = getPlanText(doc, ['aboutMe', 'whatMatters']);
  if (!text) throw new Error('no text');
  for (let index = 0; index < count; index += 1) text.insert(text.length, 'a');
  return { initial, updates };
}

const rows: BenchRow[] = [];

// 1. Durable append: our encrypted, audited append vs a bare INSERT with the same fsync setting.
{
  const { initial, updates } = keystrokeUpdates(400);
  const store = CareStore.open({ dataDir: tempDir(), keySource: { kind: 'passphrase', passphrase: 'bench passphrase' }, compactionThreshold: 100_000 });
  const planId = randomUUID();
  store.createPlan(planId, 'Bench', initial, actor);
  let next = 0;
  const candidate = medianMs(300, () => {
    const update = updates[next++ % updates.length] ?? initial;
    store.appendUpdate({ planId, update, origin: 'local', actor, sections: ['aboutMe'] });
  });
  store.close();
  const bare = new Database(join(tempDir(), 'bare.db'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE u (seq INTEGER PRIMARY KEY, b BLOB)');
  const insert = bare.prepare('INSERT INTO u (b) VALUES (?)');
  const baseline = medianMs(300, () => insert.run(updates[next++ % updates.length] ?? initial));
  bare.close();
  rows.push({ name: 'append one keystroke (durable)', baselineLabel: 'bare INSERT, FULL sync', baseline, candidateLabel: 'encrypted + audit', candidate, unit: 'ms' });
}

// 2. Opening a plan with a long history: whole log vs snapshot + tail after compaction.
{
  const { initial, updates } = keystrokeUpdates(5000);
  const store = CareStore.open({ dataDir: tempDir(), keySource: { kind: 'passphrase', passphrase: 'bench passphrase' }, compactionThreshold: 1_000_000 });
  const planId = randomUUID();
  store.createPlan(planId, 'Bench', initial, actor);
  store.database.transaction(() => {
    for (const update of updates) store.appendUpdate({ planId, update, origin: 'local', actor, sections: ['aboutMe'] });
  })();
  const baseline = medianMs(10, () => void store.loadPlan(planId));
  store.compact(planId);
  const candidate = medianMs(10, () => void store.loadPlan(planId));
  store.close();
  rows.push({ name: 'open a plan with 5,000 edits', baselineLabel: 'uncompacted log', baseline, candidateLabel: 'snapshot (compacted)', candidate, unit: 'ms' });
}

// 3. Main's safety check per incoming update: probe on a clone + shape check vs a bare apply.
{
  const { initial, updates } = keystrokeUpdates(200);
  const store = CareStore.open({ dataDir: tempDir(), keySource: { kind: 'passphrase', passphrase: 'bench passphrase' } });
  const planId = randomUUID();
  store.createPlan(planId, 'Bench', initial, actor);
  const cache = new PlanDocCache(store);
  let next = 0;
  const candidate = medianMs(200, () => {
    const probed = cache.probe(planId, updates[next++ % updates.length] ?? initial);
    probed.next.destroy();
  });
  const bareDoc = new Y.Doc();
  Y.applyUpdate(bareDoc, initial);
  const baseline = medianMs(200, () => Y.applyUpdate(bareDoc, updates[next++ % updates.length] ?? initial));
  store.close();
  rows.push({ name: 'accept one peer update in main', baselineLabel: 'Y.applyUpdate', baseline, candidateLabel: 'clone + shape check', candidate, unit: 'ms' });
}

// 4. Export: FHIR bundle of Jill's plan vs reading the snapshot it is built from.
{
  const doc = jillDoc();
  const baseline = medianMs(50, () => void readPlanSnapshot(doc));
  const snapshot = readPlanSnapshot(doc);
  const candidate = medianMs(50, () => void buildFhirBundle(snapshot, { versionLabel: null, generatedAt: '2026-11-23T10:00:00.000Z', planId: randomUUID() }));
  rows.push({ name: "FHIR bundle of Jill's plan", baselineLabel: 'readPlanSnapshot', baseline, candidateLabel: 'buildFhirBundle', candidate, unit: 'ms' });
}

// 5. Memory: heap for 50 open plans in main's cache vs 50 raw Y.Docs of the same plans.
{
  const gc = (globalThis as { gc?: () => void }).gc;
  const heap = () => {
    gc?.();
    return process.memoryUsage().heapUsed / (1024 * 1024);
  };
  const start = heap();
  const docs = Array.from({ length: 50 }, () => jillDoc());
  const baseline = heap() - start;
  const store = CareStore.open({ dataDir: tempDir(), keySource: { kind: 'passphrase', passphrase: 'bench passphrase' } });
  const cache = new PlanDocCache(store, 50);
  const ids = docs.map((doc) => {
    const planId = randomUUID();
    store.createPlan(planId, 'Bench', Y.encodeStateAsUpdate(doc), actor);
    return planId;
  });
  for (const doc of docs) doc.destroy();
  const before = heap();
  for (const planId of ids) cache.get(planId);
  const candidate = heap() - before;
  store.close();
  rows.push({ name: '50 example plans in memory', baselineLabel: '50 Y.Docs', baseline, candidateLabel: "main's plan cache", candidate, unit: 'MiB' });
}

// Bundled as CommonJS (no top-level await): the asynchronous rows finish the table.
void storeBenchmarks(tempDir).then((storeRows) => {
  rows.push(...storeRows);
  printTable(rows);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
