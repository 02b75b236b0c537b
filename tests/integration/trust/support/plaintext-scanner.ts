import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface PlaintextHit {
  file: string;
  needle: string;
  encoding: 'utf8' | 'utf16le';
}

/** Every regular file under a folder, however deep (bounded by what is on disk). */
export function listFilesDeep(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) found.push(full);
    }
  };
  walk(root);
  return found.sort();
}

/**
 * Searches the raw bytes of every file under `root` for each needle, as UTF-8 and as
 * UTF-16LE (what SQLite uses for UTF-16 databases and Windows tools write).
 */
export function scanForPlaintext(root: string, needles: readonly string[]): { files: string[]; hits: PlaintextHit[] } {
  const files = listFilesDeep(root);
  const hits: PlaintextHit[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const needle of needles) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(needle, encoding))) hits.push({ file: relative(root, file), needle, encoding });
      }
    }
  }
  return { files: files.map((file) => relative(root, file)), hits };
}
