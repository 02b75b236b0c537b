import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureLog, logEvent } from '../../../main/logging/log';
import { tempDataDir } from '../../support/temp-store';

describe('the support log carries no free text', () => {
  it('redacts names, NHS numbers written as people write them, sentences, and free-text event names', () => {
    const dir = tempDataDir('carehouse-log');
    configureLog(dir);
    logEvent('info', 'plan-opened', {
      person: 'Jill Marsh',
      nhs: '999 526 0182',
      nhsDigits: '9995260182',
      firstName: 'Jill',
      planId: '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f',
      kind: 'TypeError',
      words: 'I want to stay in my own home and keep going to my Tuesday lunch club',
      email: 'jill.marsh@example.org (home)',
      planCount: 3,
      synced: true,
      code: 'invalid-input',
    });
    logEvent('warn', 'Jill Marsh called about her tea');
    const lines = readFileSync(join(dir, 'carehouse.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      level: 'info',
      event: 'plan-opened',
      person: '[redacted]',
      nhs: '[redacted]',
      nhsDigits: '[redacted]',
      firstName: '[redacted]',
      planId: '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f',
      kind: 'TypeError',
      words: '[redacted]',
      email: '[redacted]',
      planCount: 3,
      synced: true,
      code: 'invalid-input',
    });
    expect(lines[1]).toMatchObject({ level: 'warn', event: '[redacted]' });
    const raw = readFileSync(join(dir, 'carehouse.log'), 'utf8');
    for (const secret of ['Jill', '9995260182', '999 526 0182', 'Tuesday lunch club', 'jill.marsh@example.org']) expect(raw).not.toContain(secret);
  });
});
