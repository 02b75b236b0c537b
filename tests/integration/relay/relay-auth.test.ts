import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { answerChallenge, httpBaseOf, RelayClient, type RelaySigner } from '../../../main/relay/relay-client';
import { enrolWithRelay } from '../../../main/relay/enrol-with-relay';
import { storeSigner } from '../../../main/relay/sync-plans-once';
import { createSigningKeyPair, encodeKeyBytes, signBytes } from '../../../shared/identity';
import { invite, runCli, startRelayProcess, type RelayProcess } from '../../support/relay-processes';
import { openTestStore, tempDataDir } from '../../support/temp-store';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';

/**
 * Refusals at the relay door, against a real relay process. Each refusal must close the
 * socket; afterwards an enrolled member still syncs (the relay is unaffected), and the
 * relay's memory stays bounded under a flood of bad sockets.
 */
let relay: RelayProcess;
let relayDir: string;
let member: RelaySigner;
let memberId: string;
const PLAN = '3f1c2f8e-9a4b-4c1d-8e2f-5a6b7c8d9e0f';

beforeAll(async () => {
  relayDir = tempDataDir('relay-auth');
  relay = await startRelayProcess(relayDir);
  const dataDir = tempDataDir('member');
  const store = openTestStore(dataDir);
  store.saveProfile({ name: 'Grace Okafor', role: 'Community matron', organisation: 'Headingley Medical Centre' });
  memberId = (await enrolWithRelay(store, [relay.url], await invite(relayDir, 'Grace Okafor', 'Community matron'))).memberId;
  const signer = storeSigner(store);
  // The store stays open for the whole file: the member signs with it.
  member = { publicKey: signer.publicKey, sign: signer.sign };
});

afterAll(async () => {
  await relay.kill();
});

function freshSigner(): RelaySigner {
  const pair = createSigningKeyPair();
  return { publicKey: pair.publicKey, sign: (message) => signBytes(pair.secretKey, message) };
}

/** Opens one plan over its own socket with a given token; resolves with how it ended. */
function tryPlan(token: string | (() => Promise<string>)): Promise<{ synced: boolean; closeCode: number | null; reason: string | null }> {
  return new Promise((resolve) => {
    const socket = new HocuspocusProviderWebsocket({ url: relay.url, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: PLAN, document: doc, token });
    provider.attach();
    let reason: string | null = null;
    const finish = (result: { synced: boolean; closeCode: number | null }) => {
      provider.destroy();
      socket.destroy();
      resolve({ ...result, reason });
    };
    provider.on('authenticationFailed', (event: { reason: string }) => (reason = event.reason));
    provider.on('synced', () => finish({ synced: true, closeCode: null }));
    socket.on('close', ({ event }: { event: { code: number } }) => finish({ synced: false, closeCode: event.code }));
  });
}

async function health(): Promise<{ connections: number; memoryRssBytes: number }> {
  return (await (await fetch(`${httpBaseOf(relay.url)}/health`)).json()) as { connections: number; memoryRssBytes: number };
}

/** Opens a raw socket, sends frames, and resolves with the close code the relay chose. */
function rawSocketClosedBy(frames: readonly (Buffer | string)[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(relay.url);
    const guard = setTimeout(() => reject(new Error('relay kept a bad socket open')), 15_000);
    ws.on('open', () => {
      for (const frame of frames) ws.send(frame);
    });
    ws.on('close', (code) => {
      clearTimeout(guard);
      resolve(code);
    });
    ws.on('error', () => undefined);
  });
}

describe('the relay refuses what it must, and stays well', () => {
  it('an enrolled member is accepted (positive control)', async () => {
    const result = await tryPlan(() => answerChallenge(relay.url, member));
    expect(result).toMatchObject({ synced: true });
  });

  it('an unknown key is refused and its connection closed', async () => {
    const stranger = freshSigner();
    const result = await tryPlan(() => answerChallenge(relay.url, stranger));
    expect(result.synced).toBe(false);
    expect(result.closeCode).toBe(4401);
    expect(result.reason).toBe('unknown-member');
  });

  it('a replayed challenge answer is refused on another connection', async () => {
    const answer = await answerChallenge(relay.url, member);
    expect((await tryPlan(answer)).synced).toBe(true);
    const replay = await tryPlan(answer);
    expect(replay.synced).toBe(false);
    expect(replay.reason).toBe('replayed-challenge');
  });

  it('a forged invitation code enrols nobody', async () => {
    const pair = createSigningKeyPair();
    const code = 'ABCDEF-GHJKLM-NPQRST-UVWX23';
    const response = await fetch(`${httpBaseOf(relay.url)}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code,
        key: encodeKeyBytes(pair.publicKey),
        signature: encodeKeyBytes(signBytes(pair.secretKey, new TextEncoder().encode(`carehouse-relay-enrol-v1\n${code}`))),
      }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toBe('unknown-invitation');
    const members = await runCli(['relay', 'members', '--data-dir', relayDir]);
    expect(members.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('junk, text and oversized frames before authentication close the connection', async () => {
    expect(await rawSocketClosedBy([randomBytes(64)])).not.toBe(1000);
    expect(await rawSocketClosedBy(['{"not":"hocuspocus"}'])).not.toBe(1000);
    expect(await rawSocketClosedBy([randomBytes(200 * 1024)])).not.toBe(1000);
  });

  it('a flood of bad sockets leaves memory bounded and the relay serving members', async () => {
    const before = await health();
    for (let round = 0; round < 6; round += 1) {
      await Promise.all(Array.from({ length: 50 }, (_, index) => rawSocketClosedBy([index % 2 ? randomBytes(15 * 1024) : randomBytes(100 * 1024)])));
    }
    // The client sees its socket closed a moment before the relay counts it gone: wait for
    // the count to settle (a condition, never a fixed sleep), then measure.
    await expect.poll(async () => (await health()).connections, { timeout: 10_000 }).toBe(0);
    const after = await health();
    // 300 sockets with up to 100 KiB each = 30 MiB offered; the relay must not keep it.
    expect(after.memoryRssBytes - before.memoryRssBytes).toBeLessThan(25 * 1024 * 1024);
    console.log(`relay RSS before ${before.memoryRssBytes} after ${after.memoryRssBytes} bytes (300 bad sockets)`);
    expect((await tryPlan(() => answerChallenge(relay.url, member))).synced).toBe(true);
  });

  it('a revoked member is refused, and their open connection is closed at once', async () => {
    const closed = new Promise<number>((resolve) => {
      const client = new RelayClient([relay.url], member);
      const doc = new Y.Doc();
      const provider = client.open(PLAN, doc);
      provider.on('synced', async () => {
        client.socket.on('close', ({ event }: { event: { code: number } }) => {
          client.destroy();
          resolve(event.code);
        });
        const revoked = await runCli(['relay', 'revoke', '--data-dir', relayDir, '--member', memberId]);
        expect(revoked.code).toBe(0);
      });
    });
    expect(await closed).toBe(4403);
    const again = await tryPlan(() => answerChallenge(relay.url, member));
    expect(again.synced).toBe(false);
    expect(again.reason).toBe('unknown-member');
  });
});
