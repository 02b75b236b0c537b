import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { enrolWithRelay } from '../../../main/relay/enrol-with-relay';
import { RelayClient, type RelaySigner } from '../../../main/relay/relay-client';
import { closeRelayDatabase, openRelayDatabase } from '../../../main/relay/relay-database';
import { createInvitation } from '../../../main/relay/relay-membership';
import { writeDocumentState } from '../../../main/relay/relay-sqlite-store';
import { storeSigner, syncPlansOnce } from '../../../main/relay/sync-plans-once';
import { PlanDocCache } from '../../../main/services/plan-doc-cache';
import { CareStore } from '../../../main/store/care-store';
import { buildExamplePlan, getPlanText } from '../../../shared/plan';
import { startPostgres, startRedis } from '../../support/backing-servers';
import { spawnRelay, type RelayProcess } from '../../support/spawn-relay';
import { defineBench, type BenchResult } from '../bench-row';
import { single, statsOf, type Stats } from '../measure';

/**
 * The practice relay, as real processes: edit-to-other-member latency through one relay
 * and through three relays with Redis (+ PostgreSQL), each against a raw WebSocket
 * forwarder (one process passing frames from one client to the other) measured in the same
 * run; and a relay holding 10,000 plans: time to sync a member's machine from empty,
 * against writing the same plans straight into an empty store (no network).
 */
// npm run bench runs at the repository root (the bundle itself lives in dist/bench).
const root = resolve(process.cwd());
const RELAY_PASSPHRASE = 'bench relay passphrase';
const MEMBER_PASSPHRASE = 'bench member passphrase';
const LATENCY_SAMPLES = 60;
const PLAN_COUNT = Number(process.env.CAREHOUSE_BENCH_RELAY_PLANS ?? 10_000);

function env(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: join(root, 'node_modules'), CAREHOUSE_RELAY_PASSPHRASE: RELAY_PASSPHRASE };
}

function builtCli(): string {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  return join(root, 'dist', 'main', 'cli.cjs');
}

async function member(tempDir: () => string, relayDir: string, url: string, name: string): Promise<{ store: CareStore; signer: RelaySigner }> {
  const store = CareStore.open({ dataDir: tempDir(), keySource: { kind: 'passphrase', passphrase: MEMBER_PASSPHRASE } });
  store.saveProfile({ name, role: 'Bench', organisation: '' });
  const relay = openRelayDatabase(relayDir, { kind: 'passphrase', passphrase: RELAY_PASSPHRASE });
  const { code } = createInvitation(relay, { name, role: 'Bench' });
  closeRelayDatabase(relay);
  await enrolWithRelay(store, [url], code);
  return { store, signer: storeSigner(store) };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A types into a plan; the time until B's copy has the keystroke. */
async function relayLatency(urlA: string, urlB: string, a: RelaySigner, b: RelaySigner): Promise<Stats> {
  const planId = randomUUID();
  const clientA = new RelayClient([urlA], a);
  const clientB = new RelayClient([urlB], b);
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  const providerA = clientA.open(planId, docA);
  const providerB = clientB.open(planId, docB);
  try {
    await until(() => providerA.isSynced && providerB.isSynced);
    const samples: number[] = [];
    for (let index = 0; index < LATENCY_SAMPLES + 5; index += 1) {
      const arrived = new Promise<void>((resolve) => docB.once('update', () => resolve()));
      const start = performance.now();
      docA.getText('notes').insert(docA.getText('notes').length, 'x');
      await arrived;
      if (index >= 5) samples.push(performance.now() - start);
    }
    return statsOf(samples);
  } finally {
    clientA.destroy();
    clientB.destroy();
  }
}

/** The floor: a process that forwards each frame from one WebSocket client to the other. */
async function rawWebSocketLatency(): Promise<Stats> {
  const script = `const { WebSocketServer } = require('ws');
const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
server.on('listening', () => console.log('PORT ' + server.address().port));
server.on('connection', (socket) => socket.on('message', (data, binary) => { for (const other of server.clients) if (other !== socket) other.send(data, { binary }); }));`;
  const child = spawn(process.execPath, ['-e', script], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /PORT (\d+)/.exec(chunk.toString());
        if (match?.[1]) resolve(Number(match[1]));
      });
    });
    const open = (socket: WebSocket) => new Promise((resolve) => socket.once('open', resolve));
    const a = new WebSocket(`ws://127.0.0.1:${port}`);
    const b = new WebSocket(`ws://127.0.0.1:${port}`);
    await Promise.all([open(a), open(b)]);
    const samples: number[] = [];
    for (let index = 0; index < LATENCY_SAMPLES + 5; index += 1) {
      const arrived = new Promise((resolve) => b.once('message', resolve));
      const start = performance.now();
      a.send(Buffer.from([1, 2, 3, index & 255]));
      await arrived;
      if (index >= 5) samples.push(performance.now() - start);
    }
    a.close();
    b.close();
    return statsOf(samples);
  } finally {
    child.kill('SIGTERM');
  }
}

function planStates(count: number): Array<{ id: string; state: Uint8Array }> {
  const jill = new Y.Doc();
  buildExamplePlan('jill', jill, { today: '2026-11-23' });
  const base = Y.encodeStateAsUpdate(jill);
  return Array.from({ length: count }, (_, index) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    getPlanText(doc, ['aboutMe', 'whatMatters'])?.insert(0, `Plan ${index}. `);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { id: randomUUID(), state };
  });
}

export const bench = defineBench({
  name: 'practice relay',
  run: async ({ tempDir, note }) => {
    const results: BenchResult[] = [];
    const cli = builtCli();
    const running: RelayProcess[] = [];
    try {
      // 1. One relay (embedded SQLite).
      const relayDir = tempDir();
      const relay = await spawnRelay(cli, relayDir, env());
      running.push(relay);
      const a = await member(tempDir, relayDir, relay.url, 'Member A');
      const b = await member(tempDir, relayDir, relay.url, 'Member B');
      const raw = await rawWebSocketLatency();
      const oneRelay = await relayLatency(relay.url, relay.url, a.signer, b.signer);
      results.push({ name: 'edit reaches another member, one relay', baselineLabel: 'raw WebSocket forward', baseline: raw, candidateLabel: 'Hocuspocus relay (SQLite)', candidate: oneRelay, unit: 'ms' });

      // 2. Three relays, one Redis, one PostgreSQL; A and B on different relays.
      note('starting redis, PostgreSQL and three relays');
      const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
      try {
        const sharedDir = tempDir();
        const flags = ['--redis', redis.url, '--database', postgres.url];
        const three: RelayProcess[] = [];
        for (let index = 0; index < 3; index += 1) three.push(await spawnRelay(cli, sharedDir, env(), flags));
        running.push(...three);
        const [r1, r2] = three.map((process) => process.url) as [string, string];
        const c = await member(tempDir, sharedDir, r1, 'Member C');
        const d = await member(tempDir, sharedDir, r2, 'Member D');
        const rawAgain = await rawWebSocketLatency();
        const threeRelays = await relayLatency(r1, r2, c.signer, d.signer);
        results.push({ name: 'edit reaches another member, 3 relays + Redis', baselineLabel: 'raw WebSocket forward', baseline: rawAgain, candidateLabel: 'relay 1 -> Redis -> relay 2', candidate: threeRelays, unit: 'ms' });
        for (const process of three) await process.kill();
      } finally {
        await Promise.all([redis.stop(), postgres.stop()]);
      }

      // 3. A relay holding PLAN_COUNT plans; a member's machine syncs from empty.
      note(`seeding a relay with ${PLAN_COUNT} plans`);
      const plans = planStates(PLAN_COUNT);
      const bigDir = tempDir();
      const seeded = openRelayDatabase(bigDir, { kind: 'passphrase', passphrase: RELAY_PASSPHRASE });
      seeded.db.transaction(() => {
        for (const plan of plans) writeDocumentState(seeded, plan.id, plan.state);
      })();
      closeRelayDatabase(seeded);
      const bigRelay = await spawnRelay(cli, bigDir, env());
      running.push(bigRelay);
      const fresh = await member(tempDir, bigDir, bigRelay.url, 'New laptop');
      note('syncing an empty machine');
      const start = performance.now();
      const report = await syncPlansOnce(fresh.store, new PlanDocCache(fresh.store));
      const syncMs = performance.now() - start;
      if (report.created !== PLAN_COUNT) throw new Error(`only ${report.created} of ${PLAN_COUNT} plans arrived`);
      fresh.store.close();
      // Baseline: the same plans written straight into an empty store on this machine.
      const local = CareStore.open({ dataDir: tempDir(), keySource: { kind: 'passphrase', passphrase: MEMBER_PASSPHRASE } });
      const empty = Y.encodeStateAsUpdate(new Y.Doc());
      const actor = { name: 'Bench', role: 'Bench', organisation: '' };
      const localStart = performance.now();
      for (const plan of plans) {
        local.createPlan(plan.id, 'Plan', empty, actor);
        local.appendUpdate({ planId: plan.id, update: plan.state, origin: 'peer', actor, sections: [] });
      }
      const localMs = performance.now() - localStart;
      local.close();
      results.push({
        name: `sync ${PLAN_COUNT.toLocaleString('en-GB')} plans to an empty machine`,
        baselineLabel: 'same plans written locally',
        baseline: single(localMs / 1000),
        candidateLabel: 'carehouse sync from relay',
        candidate: single(syncMs / 1000),
        unit: 's',
      });
    } finally {
      for (const process of running) await process.kill().catch(() => undefined);
    }
    return results;
  },
});
