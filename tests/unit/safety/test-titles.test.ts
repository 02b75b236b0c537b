import { describe, expect, it } from 'vitest';
import { testTitles } from '../../../scripts/safety/test-titles';

const source = `
import { describe, expect, it } from 'vitest';
import { test } from '@playwright/test';

describe('outer', () => {
  it('plain', () => {});
  describe("inner", () => {
    it(\`templated \${count} times\`, () => {});
    it.skip('skipped', () => {});
  });
  it.each([1, 2])('each %s', () => {});
  for (const status of ['a', 'b']) {
    it(\`loop \${status}\`, () => {});
  }
  it('calls helpers that are not tests', () => {
    expect(describeSomething('not a suite')).toBe(true);
  });
});
describe.skip('parked', () => {
  it('inside a skipped suite', () => {});
});
test('a top-level Playwright test', async () => {
  await test.step('a step is not a test', async () => {});
});
test.describe('a Playwright suite', () => {
  test.beforeEach(async () => {});
  test('in it', async () => {});
  test.fixme('not working yet', async () => {});
});
`;

describe('reading test titles from a test file', () => {
  it('joins suite and test titles with " > ", keeps template placeholders, and marks skipped tests', () => {
    expect(testTitles('example.test.ts', source)).toEqual([
      { path: 'outer > plain', skipped: false },
      { path: 'outer > inner > templated ${count} times', skipped: false },
      { path: 'outer > inner > skipped', skipped: true },
      { path: 'outer > each %s', skipped: false },
      { path: 'outer > loop ${status}', skipped: false },
      { path: 'outer > calls helpers that are not tests', skipped: false },
      { path: 'parked > inside a skipped suite', skipped: true },
      { path: 'a top-level Playwright test', skipped: false },
      { path: 'a Playwright suite > in it', skipped: false },
      { path: 'a Playwright suite > not working yet', skipped: true },
    ]);
  });

  it('finds the real titles of a test file in this repository', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const path = join(__dirname, '..', 'plan', 'nhs-number.test.ts');
    const titles = testTitles(path, readFileSync(path, 'utf8')).map((title) => title.path);
    expect(titles).toContain('NHS number > rejects a wrong check digit with a clear message');
    expect(titles).toHaveLength(6);
  });
});
