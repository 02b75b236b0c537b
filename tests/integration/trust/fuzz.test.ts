import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startBrowserHost, type BrowserHost } from '../../../main/browser-host/browser-host-server';
import { createHandlers } from '../../../main/services/create-handlers';
import { dispatchCall } from '../../../main/services/dispatch-call';
import type { HandlerTable } from '../../../main/services/handler-table';
import type { CareStore } from '../../../main/store/care-store';
import { callNames, careErrorCodes, limits, type CallResult } from '../../../shared/contract';
import { seededRandom, testSeed } from '../../support/seeded-random';
import { storeContentHash } from '../../support/store-content';
import { openTestStore, tempDataDir } from '../../support/temp-store';
import { mutateBytes, mutateInput, junkValue, pick } from './support/input-mutator';
import { editor, jill } from './support/jill';
import { callOk, editAndAppend, loadDoc, sectionText } from './support/plan-edits';

const PER_CALL = 300;
const YJS_CASES = 300;
const WS_FRAMES = 300;
/** Every call must answer within this, whatever it is sent. */
// Generous: it catches hangs, not slowness (a loaded 2-core CI machine must not make it flaky).
const CALL_BOUND_MS = 10_000;
const seed = testSeed(6_2026);

let store: CareStore;
let handlers: HandlerTable;
let planId: string;
const realUpdates: Uint8Array[] = [];

beforeAll(async () => {
  store = openTestStore(tempDataDir('carehouse-fuzz'));
  handlers = createHandlers(store, { version: 'test' });
  await callOk(handlers, 'saveProfile', editor);
  planId = (await callOk<{ id: string }>(handlers, 'createPlan', { displayName: jill.fullName })).id;
  const doc = await loadDoc(handlers, planId);
  doc.on('update', (update: Uint8Array) => realUpdates.push(update));
  await editAndAppend(handlers, planId, doc, (d) => sectionText(d, 'person', 'firstName').insert(0, jill.firstName));
  await editAndAppend(handlers, planId, doc, (d) => sectionText(d, 'aboutMe', 'whatMatters').insert(0, jill.whatMatters));
  await editAndAppend(handlers, planId, doc, (d) => sectionText(d, 'aboutMe', 'whatMatters').delete(3, 10));
  await editAndAppend(handlers, planId, doc, (d) => sectionText(d, 'person', 'preferredName').insert(0, jill.firstName));
});
afterAll(() => store.close());

function validInputFor(name: string): unknown {
  const update = Buffer.from(realUpdates[0] ?? new Uint8Array([0, 0])).toString('base64');
  const table: Record<string, unknown> = {
    listPlans: { includeArchived: false },
    createPlan: { displayName: 'Fuzz plan' },
    renamePlan: { planId, displayName: jill.fullName },
    setPlanArchived: { planId, archived: false },
    loadPlan: { planId },
    appendUpdate: { planId, update, origin: { kind: 'local' } },
    ping: {},
    getProfile: {},
    saveProfile: { ...editor },
    getSessionState: {},
    unlockStore: { passphrase: 'correct horse battery staple' },
    getPlanHistory: { planId, limit: 5 },
  };
  // A call added later by another area still gets fuzzed, from a generic starting point.
  return name in table ? table[name] : { planId };
}

async function bounded<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CALL_BOUND_MS} ms`)), CALL_BOUND_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function expectWellFormedRefusal(result: CallResult<unknown>, label: string): void {
  if (result.ok) return;
  expect(careErrorCodes, label).toContain(result.error.code);
  expect(result.error.code, `${label}: an unexpected failure inside main`).not.toBe('internal');
  expect(typeof result.error.message, label).toBe('string');
}

describe(`fuzz (seed ${seed}; replay with CAREHOUSE_TEST_SEED)`, () => {
  it(`every contract call survives ${PER_CALL} mutated inputs; a refused one changes nothing`, async () => {
    const random = seededRandom(seed);
    const counts = { accepted: 0, refused: 0 };
    const started = Date.now();
    for (const name of callNames) {
      const valid = validInputFor(name);
      for (let index = 0; index < PER_CALL; index += 1) {
        const huge = index % 50 === 0 ? limits.updateBase64Chars + 1 : 20_000;
        const input = mutateInput(random, valid, huge);
        const before = storeContentHash(store.database);
        const label = `${name} case ${index}`;
        const result = await bounded(dispatchCall(handlers, name, input), label);
        expectWellFormedRefusal(result, label);
        if (result.ok) counts.accepted += 1;
        else {
          counts.refused += 1;
          expect(storeContentHash(store.database), `${label} was refused but changed the store`).toBe(before);
        }
      }
    }
    // Junk call names through the same door.
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty', '', 'x'.repeat(10_000), 42, null, {}, ['ping']]) {
      const result = await dispatchCall(handlers, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
    expect(await dispatchCall(handlers, 'ping', {})).toMatchObject({ ok: true });
    console.log(`contract fuzz: ${callNames.length} calls x ${PER_CALL} = ${callNames.length * PER_CALL} inputs, ${counts.refused} refused, ${counts.accepted} accepted, ${Date.now() - started} ms`);
    expect(counts.refused).toBeGreaterThan(callNames.length * PER_CALL * 0.5);
  }, 240_000);

  it(`Yjs update ingestion survives ${YJS_CASES} mutated real updates`, async () => {
    const random = seededRandom(seed + 1);
    let accepted = 0;
    for (let index = 0; index < YJS_CASES; index += 1) {
      const original = pick(random, realUpdates);
      const mutated = mutateBytes(random, original, realUpdates);
      const before = storeContentHash(store.database);
      const label = `yjs case ${index}`;
      const started = Date.now();
      const result = await bounded(dispatchCall(handlers, 'appendUpdate', { planId, update: Buffer.from(mutated).toString('base64') }), label);
      expect(Date.now() - started, `${label} took too long`).toBeLessThan(CALL_BOUND_MS);
      expectWellFormedRefusal(result, label);
      if (result.ok) {
        accepted += 1;
        // Whatever was accepted must leave the plan openable.
        expect((await dispatchCall(handlers, 'loadPlan', { planId })).ok, `${label} poisoned the plan`).toBe(true);
      } else {
        expect(result.error.code, label).toBe('invalid-input');
        expect(storeContentHash(store.database), `${label} was refused but changed the store`).toBe(before);
      }
    }
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, store.loadPlan(planId).state);
    expect(reopened.getMap('person').get('firstName')?.toString()).toContain(jill.firstName);
    console.log(`yjs fuzz: ${YJS_CASES} mutated updates, ${YJS_CASES - accepted} refused, ${accepted} accepted (still valid Yjs)`);
  }, 120_000);
});

describe('browser host WebSocket fuzz', () => {
  let host: BrowserHost;

  beforeAll(async () => {
    const rendererDir = join(tempDataDir('carehouse-fuzz-renderer'), 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CareHouse</title>');
    host = await startBrowserHost({ handlers, rendererDir, port: 0 });
  });
  afterAll(() => host.close());

  const wsUrl = (token: string | null, path = '/api') => `${host.origin.replace('http', 'ws')}${path}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;

  function connect(url: string, origin: string | undefined): Promise<WebSocket> {
    return bounded(
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(url, origin === undefined ? {} : { origin });
        socket.once('open', () => resolve(socket));
        socket.once('unexpected-response', (_request, response) => reject(new Error(`refused ${response.statusCode}`)));
        socket.once('error', reject);
      }),
      'connect',
    );
  }

  function nextMessage(socket: WebSocket): Promise<{ id: number | null; result: CallResult<unknown> }> {
    return bounded(
      new Promise((resolve, reject) => {
        socket.once('message', (data) => resolve(JSON.parse(data.toString()) as { id: number | null; result: CallResult<unknown> }));
        socket.once('close', () => reject(new Error('closed')));
      }),
      'reply',
    );
  }

  it('refuses upgrades without the token, with a wrong token, a wrong or missing Origin, or another path', async () => {
    const cases: Array<[string, string | undefined]> = [
      [wsUrl(null), host.origin],
      [wsUrl(''), host.origin],
      [wsUrl('wrong-token'), host.origin],
      [wsUrl(`${host.token}x`), host.origin],
      [wsUrl(host.token.slice(0, -1)), host.origin],
      [wsUrl(host.token), 'http://evil.example'],
      [wsUrl(host.token), 'null'],
      [wsUrl(host.token), undefined],
      [wsUrl(host.token), host.origin.replace('127.0.0.1', 'localhost')],
      [wsUrl(host.token, '/other'), host.origin],
    ];
    for (const [url, origin] of cases) {
      await expect(connect(url, origin), `${url} from ${origin}`).rejects.toThrow(/refused 403|socket hang up|closed/);
    }
  });

  it(`answers ${WS_FRAMES} junk frames (binary, invalid JSON, wrong shapes, junk calls) with refusals; store unchanged`, async () => {
    const random = seededRandom(seed + 2);
    const socket = await connect(wsUrl(host.token), host.origin);
    const before = storeContentHash(store.database);
    try {
      for (let index = 0; index < WS_FRAMES; index += 1) {
        const kind = index % 5;
        const reply = nextMessage(socket);
        if (kind === 0) socket.send(Buffer.from(Array.from({ length: 1 + Math.floor(random() * 512) }, () => Math.floor(random() * 256))), { binary: true });
        else if (kind === 1) socket.send(pick(random, ['{', 'null', '[]', '"ping"', '{"id":', '\u0000', 'NaN', '{"id":1,"call":"ping","input":{}', '😀']));
        else if (kind === 2) socket.send(JSON.stringify(junkValue(random, 10_000)));
        else if (kind === 3) socket.send(JSON.stringify({ id: pick(random, [-1, 1.5, 'one', null, 2 ** 60]), call: 'ping', input: {} }));
        else {
          const call = pick(random, ['deleteEverything', '__proto__', 'constructor', 'toString', 'x'.repeat(101), 'createPlan', 'appendUpdate', 'renamePlan']);
          socket.send(JSON.stringify({ id: index, call, input: mutateInput(random, { planId, displayName: 42 }, 10_000) }));
        }
        const { result } = await reply;
        expect(result.ok, `frame ${index}`).toBe(false);
        expectWellFormedRefusal(result, `frame ${index}`);
      }
      expect(storeContentHash(store.database)).toBe(before);
      // The same connection still answers a good call.
      const good = nextMessage(socket);
      socket.send(JSON.stringify({ id: 7, call: 'ping', input: {} }));
      expect(await good).toMatchObject({ id: 7, result: { ok: true } });
    } finally {
      socket.close();
    }
  }, 60_000);

  it('closes a connection that sends a frame larger than limits.hostFrameBytes, and keeps serving others', async () => {
    const socket = await connect(wsUrl(host.token), host.origin);
    const closed = bounded(new Promise<number>((resolve) => socket.once('close', (code) => resolve(code))), 'close');
    const before = storeContentHash(store.database);
    socket.send(JSON.stringify({ id: 1, call: 'createPlan', input: { displayName: 'x'.repeat(limits.hostFrameBytes + 10) } }));
    expect(await closed).toBe(1009); // "message too big"
    expect(storeContentHash(store.database)).toBe(before);
    const fresh = await connect(wsUrl(host.token), host.origin);
    try {
      const reply = nextMessage(fresh);
      fresh.send(JSON.stringify({ id: 2, call: 'listPlans', input: {} }));
      expect(await reply).toMatchObject({ id: 2, result: { ok: true } });
    } finally {
      fresh.close();
    }
  });
});
