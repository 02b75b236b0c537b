import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where resources/fonts is: next to the sources (tests, `npm start`), two levels above the
 * built bundle (dist/main/*.cjs), or in a packaged app's resources folder. Walks up from
 * this file rather than trusting the working directory, so the CLI works from anywhere.
 */
export function fontDirectory(): string {
  const candidates: string[] = [];
  let dir = __dirname;
  for (let level = 0; level < 5; level++) {
    candidates.push(join(dir, 'resources', 'fonts'));
    dir = dirname(dir);
  }
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(join(packaged, 'fonts'));
  const found = candidates.find((candidate) => existsSync(join(candidate, 'NotoSans-Regular.ttf')));
  if (!found) throw new Error(`The PDF fonts are missing: looked for resources/fonts in ${candidates.join(', ')}`);
  return found;
}
