import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RelayClient, type RelaySigner } from '../../../main/relay/relay-client';
import { enrolWithRelay } from '../../../main/relay/enrol-with-relay';
import { storeSigner } from '../../../main/relay/sync-plans-once';
import { startPostgres, startRedis, type BackingServer } from '../../support/backing-servers';
import { invite, startRelayProcess, type RelayProcess } from '../../support/relay-processes';
import { openTestStore, tempDataDir } from '../../support/temp-store';

/**
 * Three relay processes behind one practice, with one real redis-server between them and
 * one real PostgreSQL holding the documents. Clients on different relays converge; a
 * relay killed with SIGKILL loses nothing its clients saw acknowledged, and they carry on
 * through another relay.
 */
let redis: BackingServer;
let postgres: BackingServer;
const relays: RelayProcess[] = [];
let grace: RelaySigner;
let sam: RelaySigner;
let relayDir: string;
let flags: string[];
const PLAN = '7b0c4a52-3f64-4d1e-9c8a-2e5f6a7b8c9d';
const clients: RelayClient[] = [];

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function enrolled(relayDir: string, url: string, name: string, role: string): Promise<RelaySigner> {
  const store = openTestStore(tempDataDir('member'));
  store.saveProfile({ name, role, organisation: 'Headingley Medical Centre' });
  await enrolWithRelay(store, [url], await invite(relayDir, name, role));
  return storeSigner(store);
}

function connectTo(urls: string[], signer: RelaySigner) {
  const client = new RelayClient(urls, signer, { maxDelayMs: 500 });
  clients.push(client);
  const doc = new Y.Doc();
  const provider = client.open(PLAN, doc);
  return { client, doc, provider, text: () => doc.getText('notes').toString() };
}

beforeAll(async () => {
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  relayDir = tempDataDir('relay-shared');
  flags = ['--redis', redis.url, '--database', postgres.url, '--store-debounce-ms', '200'];
  // One after another: the first creates the shared relay database and its key.
  for (let index = 0; index < 3; index += 1) relays.push(await startRelayProcess(relayDir, flags));
  grace = await enrolled(relayDir, relays[0]?.url ?? '', 'Grace Okafor', 'Community matron');
  sam = await enrolled(relayDir, relays[1]?.url ?? '', 'Sam Patel', 'Discharge coordinator');
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  for (const relay of relays) await relay.kill().catch(() => undefined);
  await Promise.all([redis?.stop(), postgres?.stop()]);
});

describe('three relays, one redis, one PostgreSQL', () => {
  it('clients on different relays converge; SIGKILL of one relay loses no acknowledged update and its client moves on', async () => {
    const [r1, r2, r3] = relays.map((relay) => relay.url) as [string, string, string];
    const a = connectTo([r1, r3], grace);
    const b = connectTo([r2, r3], sam);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both clients synced');
    expect(a.client.currentUrl).toBe(r1);
    expect(b.client.currentUrl).toBe(r2);

    a.doc.getText('notes').insert(0, 'A on relay 1. ');
    await until(() => b.text().includes('A on relay 1.'), 'relay 2 client to see relay 1 client');
    b.doc.getText('notes').insert(b.doc.getText('notes').length, 'B on relay 2. ');
    await until(() => a.text().includes('B on relay 2.'), 'relay 1 client to see relay 2 client');

    // Twenty edits, each acknowledged by relay 1, then relay 1 dies without warning.
    for (let index = 0; index < 20; index += 1) a.doc.getText('notes').insert(a.doc.getText('notes').length, `ack-${index};`);
    await until(() => a.provider.unsyncedChanges === 0, 'relay 1 to acknowledge every edit');
    await relays[0]?.kill();

    await until(() => a.client.currentUrl === r3 && a.provider.isSynced, 'the relay 1 client to reconnect to relay 3');
    await until(() => Array.from({ length: 20 }, (_, index) => `ack-${index};`).every((part) => b.text().includes(part)), 'every acknowledged edit on relay 2');
    a.doc.getText('notes').insert(a.doc.getText('notes').length, 'after failover. ');
    await until(() => b.text().includes('after failover.'), 'edits to keep flowing after failover');
    expect(a.text()).toBe(b.text());

    // And PostgreSQL has it all: once the relays have stored and unloaded the plan, every
    // relay process is killed and a new one, with nothing in memory, serves it whole.
    const finalText = a.text();
    for (const client of clients.splice(0)) client.destroy();
    const documentsOpen = async (url: string) =>
      ((await (await fetch(`${url.replace(/^ws/, 'http')}/health`)).json()) as { documents: number }).documents;
    for (const url of [r2, r3]) {
      const deadline = Date.now() + 30_000;
      while ((await documentsOpen(url)) > 0) {
        if (Date.now() > deadline) throw new Error('the plan was never stored and unloaded');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    for (const relay of relays.splice(0)) await relay.kill();
    relays.push(await startRelayProcess(relayDir, flags));
    const c = connectTo([relays[0]?.url ?? ''], sam);
    await until(() => c.provider.isSynced, 'a late client to sync');
    await until(() => c.text() === finalText, 'the stored plan to hold every edit');
  }, 120_000);
});
