import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/services/create-handlers';
import { invite, runCli, startRelayProcess, typeInto, whatMatters, type RelayProcess } from '../../support/relay-processes';
import { openTestStore, tempDataDir } from '../../support/temp-store';

/**
 * Two CareHouse data folders (two practice machines) enrolled with one relay, all real
 * processes: the relay is `carehouse relay serve`, each machine syncs with `carehouse sync`.
 */
const relays: RelayProcess[] = [];
let relayDir: string;
afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.kill().catch(() => undefined);
});

async function machine(name: string, role: string, relayDir: string, relayUrl: string): Promise<string> {
  const dataDir = tempDataDir(`machine-${role.toLowerCase().replace(/\W+/g, '-')}`);
  const store = openTestStore(dataDir);
  store.saveProfile({ name, role, organisation: 'Headingley Medical Centre' });
  store.close();
  const code = await invite(relayDir, name, role);
  const connected = await runCli(['connect', '--data-dir', dataDir, '--relay', relayUrl, '--invite', code]);
  expect(connected.stderr).toBe('');
  expect(connected.stdout).toContain(`Connected to the practice server as ${name} (${role})`);
  return dataDir;
}

describe('two machines and one practice relay', () => {
  it('a plan created on one machine appears on the other', async () => {
    relayDir = tempDataDir('relay');
    const relay = await startRelayProcess(relayDir);
    relays.push(relay);
    const matron = await machine('Grace Okafor', 'Community matron', relayDir, relay.url);
    const coordinator = await machine('Sam Patel', 'Discharge coordinator', relayDir, relay.url);

    const store = openTestStore(matron);
    const handlers = createHandlers(store, { version: 'test' });
    const plan = await handlers.createPlan({ displayName: 'Jill Marsh' });
    await typeInto(store, plan.id, 'Staying at home with Bess the dog.');
    // A plan kept on this machine only never leaves it (the other plan is the positive control).
    const privatePlan = await handlers.createPlan({ displayName: 'Amir Hassan' });
    await handlers.setPlanKeptLocal({ planId: privatePlan.id, keepLocal: true });
    store.close();

    expect((await runCli(['sync', '--data-dir', matron])).code).toBe(0);
    // Positive control for "appears": before syncing, the other machine does not have it.
    const before = openTestStore(coordinator);
    expect(before.hasPlan(plan.id)).toBe(false);
    before.close();
    const synced = await runCli(['sync', '--data-dir', coordinator]);
    expect(synced.stderr).toBe('');
    expect(synced.code).toBe(0);
    expect(synced.stdout).toContain('1 new here');

    const other = openTestStore(coordinator);
    expect(other.hasPlan(plan.id)).toBe(true);
    expect(other.hasPlan(privatePlan.id)).toBe(false);
    expect(whatMatters(other, plan.id)).toContain('Staying at home with Bess the dog.');
    // The change is attributed to its writer as the relay verified her (enrolled name, key fingerprint).
    const received = other.auditTrail(plan.id).filter((event) => event.origin === 'peer');
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((event) => event.actor.name === 'Grace Okafor' && event.actor.role === 'Community matron')).toBe(true);
    expect(received[0]?.actor.peerId).toMatch(/^relay-member:\d{5} \d{5}$/);
    other.close();

    // The information-governance lead can export who read and who changed the plan, and when.
    const log = await runCli(['relay', 'access-log', '--data-dir', relayDir]);
    expect(log.code).toBe(0);
    const rows = log.stdout.trim().split('\r\n').filter((line) => line.includes(plan.id));
    expect(rows.some((row) => row.includes('Grace Okafor') && row.endsWith(',changed'))).toBe(true);
    expect(rows.some((row) => row.includes('Sam Patel') && row.endsWith(',read'))).toBe(true);
    expect(rows.some((row) => row.includes('Sam Patel') && row.endsWith(',changed'))).toBe(false);

    // Revoked: sync stops with a plain message and a non-zero exit.
    const members = await runCli(['relay', 'members', '--data-dir', relayDir]);
    const samId = members.stdout.split('\n').find((line) => line.includes('Sam Patel'))?.split('\t')[0] ?? '';
    expect((await runCli(['relay', 'revoke', '--data-dir', relayDir, '--member', samId])).code).toBe(0);
    const refused = await runCli(['sync', '--data-dir', coordinator]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('does not accept this machine');
  });

  it('edits made on both machines while the relay is down merge when it returns; nothing is lost', async () => {
    const relayDir = tempDataDir('relay');
    let relay = await startRelayProcess(relayDir);
    relays.push(relay);
    const matron = await machine('Grace Okafor', 'Community matron', relayDir, relay.url);
    const coordinator = await machine('Sam Patel', 'Discharge coordinator', relayDir, relay.url);
    const store = openTestStore(matron);
    const plan = await createHandlers(store, { version: 'test' }).createPlan({ displayName: 'Jill Marsh' });
    store.close();
    expect((await runCli(['sync', '--data-dir', matron])).code).toBe(0);
    expect((await runCli(['sync', '--data-dir', coordinator])).code).toBe(0);

    const port = relay.port;
    expect(await relay.stop()).toBe(0);
    relays.splice(relays.indexOf(relay), 1);

    // Offline: both edit, and sync says plainly that the relay is unreachable.
    const a = openTestStore(matron);
    await typeInto(a, plan.id, ' [matron: walked to the shop]');
    a.close();
    const b = openTestStore(coordinator);
    await typeInto(b, plan.id, ' [coordinator: carer visits twice a day]');
    b.close();
    const offline = await runCli(['sync', '--data-dir', matron]);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain('could not be reached');

    relay = await startRelayProcess(relayDir, [], port);
    relays.push(relay);
    expect((await runCli(['sync', '--data-dir', matron])).code).toBe(0);
    expect((await runCli(['sync', '--data-dir', coordinator])).code).toBe(0);
    expect((await runCli(['sync', '--data-dir', matron])).code).toBe(0);

    const texts = [matron, coordinator].map((dir) => {
      const opened = openTestStore(dir);
      const text = whatMatters(opened, plan.id);
      opened.close();
      return text;
    });
    expect(texts[0]).toBe(texts[1]);
    expect(texts[0]).toContain('[matron: walked to the shop]');
    expect(texts[0]).toContain('[coordinator: carer visits twice a day]');
  });
});
