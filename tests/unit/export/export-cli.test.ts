import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExamplePlan } from '../../../shared/plan/examples/build-example-plan';
import { createHandlers } from '../../../main/services/create-handlers';
import { CareStore } from '../../../main/store/care-store';
import { bundleForChild, childEnv } from '../../support/crash-writer-bundle';
import { runNodeProgram, type ProgramResult } from '../../support/run-program';

/**
 * The real `carehouse export` command as a child process, against a fresh data folder
 * holding Jill's example plan, created through the same services the app uses.
 */
const passphrase = 'correct horse battery staple';
const planId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
let root: string;
let dataDir: string;
let outDir: string;
let cli: string;

async function createJillPlan(): Promise<void> {
  const store = CareStore.open({ dataDir, keySource: { kind: 'passphrase', passphrase } });
  try {
    const handlers = createHandlers(store, { version: 'test' });
    await handlers.saveProfile({ name: 'Priya Nair', role: 'Social worker', organisation: 'Leeds City Council' });
    await handlers.createPlan({ displayName: 'Jill Marsh', planId });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, store.loadPlan(planId).state);
    const before = Y.encodeStateVector(doc);
    buildExamplePlan('jill', doc, { today: '2026-11-23' });
    const update = Y.encodeStateAsUpdate(doc, before);
    await handlers.appendUpdate({ planId, update: Buffer.from(update).toString('base64'), origin: { kind: 'local' } });
    doc.destroy();
  } finally {
    store.close();
  }
}

function run(args: readonly string[]): Promise<ProgramResult> {
  return runNodeProgram(cli, args, childEnv({ CAREHOUSE_PASSPHRASE: passphrase }));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'carehouse-export-cli-'));
  dataDir = join(root, 'data');
  outDir = join(root, 'out');
  mkdirSync(dataDir);
  mkdirSync(outDir);
  cli = await bundleForChild('main/cli/carehouse-cli.ts', 'carehouse-cli');
  await createJillPlan();
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const base = () => ['export', '--data-dir', dataDir, '--plan', planId];

describe('carehouse export', () => {
  it.each([
    ['csv', (bytes: Buffer) => expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])],
    ['ics', (bytes: Buffer) => expect(new ICAL.Component(ICAL.parse(bytes.toString('utf8'))).getAllSubcomponents('vevent').length).toBe(6)],
    ['fhir', (bytes: Buffer) => expect(JSON.parse(bytes.toString('utf8')).resourceType).toBe('Bundle')],
    ['md', (bytes: Buffer) => expect(bytes.toString('utf8')).toContain('# Personalised care and support plan: Jill Marsh')],
    ['pdf', (bytes: Buffer) => expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')],
  ])('writes %s of the current draft to a file', async (format, check) => {
    const out = join(outDir, `jill.${format}`);
    const result = await run([...base(), '--format', format, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('draft');
    const bytes = readFileSync(out);
    check(bytes);
    if (format !== 'pdf') expect(bytes.toString('utf8')).toContain('DRAFT — not agreed');
  });

  const refusals: Array<[string, (out: string) => string[], RegExp]> = [
    ['a plan id that is not there', (out) => ['export', '--data-dir', dataDir, '--plan', '00000000-0000-4000-8000-000000000000', '--format', 'csv', '--out', out], /no plan with id/i],
    ['an unknown format', (out) => [...base(), '--format', 'docx', '--out', out], /--format must be one of pdf, csv, ics, fhir, md/],
    ['an agreed version that does not exist', (out) => [...base(), '--format', 'csv', '--version', '7', '--out', out], /no agreed version 7/],
    ['a version that is not a number', (out) => [...base(), '--format', 'csv', '--version', 'latest', '--out', out], /--version must be/],
    ['a recipient the person refused', (out) => [...base(), '--format', 'fhir', '--recipient', 'her neighbour', '--out', out], /not shared with/],
  ];
  it.each(refusals)('refuses %s with exit 2 and writes no file', async (_label, argsFor, message) => {
    const out = join(outDir, `refused-${Math.random().toString(36).slice(2)}.out`);
    const before = readdirSync(outDir);
    const result = await run(argsFor(out));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(outDir)).toEqual(before);
  });

  it('refuses to export onto an existing file (exit 2, file byte-identical), and replaces it with --force', async () => {
    const out = join(outDir, 'handed-out.csv');
    const original = Buffer.from('the copy Jill was given on Monday\r\n', 'utf8');
    writeFileSync(out, original);
    const before = readdirSync(outDir);

    const refused = await run([...base(), '--format', 'csv', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists.*--force.*Nothing was written/);
    expect(readFileSync(out).equals(original)).toBe(true);
    expect(readdirSync(outDir)).toEqual(before);

    // Positive control: the same command with --force does write there.
    const forced = await run([...base(), '--format', 'csv', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    const replaced = readFileSync(out);
    expect(replaced.equals(original)).toBe(false);
    expect(replaced.toString('utf8')).toContain('DRAFT — not agreed');
  });

  it('adds to-dos beside the calendar events only with --ics-todos, and only for ics', async () => {
    const out = join(outDir, 'jill-with-todos.ics');
    const result = await run([...base(), '--format', 'ics', '--ics-todos', '--out', out]);
    expect(result.code).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')));
    expect(calendar.getAllSubcomponents('vtodo')).toHaveLength(5);
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(6);
    const wrong = join(outDir, 'todos.csv');
    const refused = await run([...base(), '--format', 'csv', '--ics-todos', '--out', wrong]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--ics-todos only applies to --format ics/);
    expect(existsSync(wrong)).toBe(false);
  });
});
