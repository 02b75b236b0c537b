import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configureLog } from '../../../main/logging/log';
import { logIntegrityFailure, resetIntegrityLogWindows } from '../../../main/store/integrity-log';
import { openTestStore, tempDataDir } from '../../support/temp-store';
import { jill } from './support/jill';
import { seedStore, tamper } from './support/tampered-store';

afterEach(() => {
  configureLog(undefined);
  resetIntegrityLogWindows();
});

const linesOf = (logDir: string) =>
  readFileSync(join(logDir, 'carehouse.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('integrity failures are logged as codes, rate-limited (issue 12)', () => {
  it('opening a tampered store logs the code and the plan id, and nothing personal', () => {
    const seeded = seedStore();
    const dataDir = tempDataDir('carehouse-log-tamper');
    cpSync(seeded.dataDir, dataDir, { recursive: true });
    tamper(dataDir, (db) => db.prepare('DELETE FROM plan_updates WHERE plan_id = ? AND seq = 2').run(seeded.jill));
    const logDir = join(dataDir, 'logs');
    configureLog(logDir);
    openTestStore(dataDir).close();
    const lines = linesOf(logDir);
    expect(lines).toEqual([expect.objectContaining({ level: 'error', event: 'integrity-failure', code: 'plan-chain-broken', planId: seeded.jill })]);
    const text = readFileSync(join(logDir, 'carehouse.log'), 'utf8');
    for (const personal of [jill.fullName, jill.familyName, 'Amir', 'missing', 'update 2']) expect(text).not.toContain(personal);
  });

  it('at most 20 lines per code per minute; the rest are counted and reported when the window ends', () => {
    const logDir = tempDataDir('carehouse-log-rate');
    configureLog(logDir);
    const start = 1_000_000;
    const logged = Array.from({ length: 500 }, (_, index) => logIntegrityFailure('sealed-value-failed', undefined, start + index));
    expect(logged.filter(Boolean).length).toBe(20);
    // Another code has its own allowance.
    expect(logIntegrityFailure('disk-full', undefined, start + 10)).toBe(true);
    // A minute later: the suppressed count is logged, and logging resumes.
    expect(logIntegrityFailure('sealed-value-failed', undefined, start + 60_000)).toBe(true);
    const lines = linesOf(logDir);
    expect(lines.filter((line) => line.event === 'integrity-failure' && line.code === 'sealed-value-failed').length).toBe(21);
    expect(lines).toContainEqual(expect.objectContaining({ event: 'integrity-failures-suppressed', code: 'sealed-value-failed', count: 480 }));
  });
});
