import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import * as Y from 'yjs';
import { startSignalingServer, type SignalingServer } from '../../../main/sync/signaling-server';
import { chromiumArgs } from '../../../playwright.config';
import { dataChannelCounterScript, type ChannelCounts } from '../../e2e/support/data-channel-counter';
import type { Lab } from './lab-page';

/** Polls `condition` (no fixed sleeps) until true or `timeoutMs` passes; returns whether it held. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, intervalMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface LabParticipant {
  page: Page;
  lab<T>(fn: (lab: Lab, arg: never) => T | Promise<T>, arg?: unknown): Promise<T>;
  counts(): Promise<ChannelCounts>;
}

/**
 * A meeting on this machine for benchmarks: a real signaling server (main/sync), the lab
 * page (lab-page.ts: the app's MeetingSession without React or a store) served from
 * 127.0.0.1, and participants in separate Chromium processes (or, for very large meetings,
 * `browsers` processes each holding several pages, every page its own renderer).
 */
export class MeetingLab {
  readonly participants: LabParticipant[] = [];
  readonly #browsers: Browser[] = [];

  private constructor(
    private readonly http: Server,
    private readonly url: string,
    private readonly signaling: SignalingServer,
  ) {}

  static async open(outDir: string): Promise<MeetingLab> {
    const bundle = join(outDir, 'lab.js');
    await build({ entryPoints: ['tests/support/meeting-lab/lab-page.ts'], outfile: bundle, bundle: true, platform: 'browser', format: 'iife', target: 'chrome120', minify: true, logLevel: 'warning' });
    const script = readFileSync(bundle);
    const http = createServer((request, response) => {
      if (request.url === '/lab.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>meeting lab</title><script src="/lab.js"></script>');
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const address = http.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const signaling = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    return new MeetingLab(http, `http://127.0.0.1:${port}/`, signaling);
  }

  /** Starts `count` participants on one plan (its state given) and one meeting code; does not wait for the mesh. */
  async join(
    count: number,
    state: Uint8Array,
    options: { browsers?: number; code?: string; planId?: string; noPeerTimeoutMs?: number; initScript?: string } = {},
  ): Promise<LabParticipant[]> {
    const planId = options.planId ?? randomUUID();
    const code = options.code ?? 'BNCH-MEET-0001';
    const browsers = Math.min(count, options.browsers ?? count);
    while (this.#browsers.length < browsers) {
      this.#browsers.push(await chromium.launch({ executablePath: process.env.CAREHOUSE_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs, headless: true }));
    }
    const joined: LabParticipant[] = [];
    for (let index = 0; index < count; index += 1) {
      const browser = this.#browsers[index % browsers];
      if (!browser) throw new Error('no browser');
      const page = await (await browser.newContext()).newPage();
      await page.addInitScript(dataChannelCounterScript);
      if (options.initScript) await page.addInitScript(options.initScript);
      await page.goto(this.url);
      const participant: LabParticipant = {
        page,
        lab: (fn, arg) => page.evaluate(({ source, value }) => new Function('lab', 'arg', `return (${source})(lab, arg)`)((window as unknown as { lab: Lab }).lab, value), { source: fn.toString(), value: arg }),
        counts: () => page.evaluate(() => structuredClone((window as unknown as { __dataChannelCounts: ChannelCounts }).__dataChannelCounts)),
      };
      await participant.lab((lab, options: never) => lab.start(options), { signalingUrl: this.signaling.url, code, planId, state: [...state], name: `Participant ${this.participants.length + 1}`, noPeerTimeoutMs: options.noPeerTimeoutMs });
      joined.push(participant);
      this.participants.push(participant);
    }
    return joined;
  }

  /** Waits until every participant is connected to every other; returns how long that took (or null). */
  async fullMesh(participants: readonly LabParticipant[], timeoutMs: number): Promise<number | null> {
    const started = Date.now();
    const others = participants.length - 1;
    const done = await waitFor(async () => (await Promise.all(participants.map((p) => p.lab((lab) => lab.peers())))).every((peers) => peers === others), timeoutMs, 200);
    return done ? Date.now() - started : null;
  }

  async close(): Promise<void> {
    for (const participant of this.participants) await participant.lab((lab) => lab.leave()).catch(() => undefined);
    for (const browser of this.#browsers) await browser.close().catch(() => undefined);
    await this.signaling.close();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}

/** The plan a lab meeting edits, as one Yjs state. */
export function planState(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}
