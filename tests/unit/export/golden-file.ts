import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

const goldenDir = join(__dirname, '..', '..', 'golden');

/**
 * Compares bytes with tests/golden/NAME, byte for byte. Run with UPDATE_GOLDEN=1 to
 * (re)write the file after a deliberate change, then review the diff in git.
 */
export function expectGolden(name: string, bytes: Uint8Array): void {
  const path = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    return;
  }
  if (!existsSync(path)) throw new Error(`No golden file ${path}; run the tests once with UPDATE_GOLDEN=1 and review it.`);
  const expected = readFileSync(path);
  // Compare as text first for a readable diff, then exactly (BOM, CRLF).
  expect(Buffer.from(bytes).toString('utf8')).toBe(expected.toString('utf8'));
  expect(Buffer.from(bytes).equals(expected)).toBe(true);
}
