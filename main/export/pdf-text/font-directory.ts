import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

/** Two folders above the installed pdfkit is the project (or app) root, wherever the code was bundled to. */
function besidePdfkit(): string | null {
  try {
    let dir = dirname(createRequire(__filename).resolve('pdfkit'));
    while (dirname(dir) !== dir && !dir.endsWith(`${sep}node_modules${sep}pdfkit`)) dir = dirname(dir);
    return join(dir, '..', '..', 'resources', 'fonts');
  } catch {
    return null;
  }
}

/**
 * Where resources/fonts is: above this file (tests, `npm start`, dist/main/*.cjs), beside
 * the pdfkit that renders the PDF (a bundle in another folder, the packaged app, where
 * electron-builder.yml ships resources/fonts), or in a packaged app's resources folder.
 * Never the working directory, so the CLI works from anywhere.
 */
export function fontDirectory(): string {
  const candidates: string[] = [];
  let dir = __dirname;
  for (let level = 0; level < 5; level++) {
    candidates.push(join(dir, 'resources', 'fonts'));
    dir = dirname(dir);
  }
  const pdfkit = besidePdfkit();
  if (pdfkit) candidates.push(pdfkit);
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(join(packaged, 'fonts'));
  const found = candidates.find((candidate) => existsSync(join(candidate, 'NotoSans-Regular.ttf')));
  if (!found) throw new Error(`The PDF fonts are missing: looked for resources/fonts in ${candidates.join(', ')}`);
  return found;
}
