import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Resolves a URL path to a file inside root, refusing anything that escapes it. */
export function resolveStaticFile(root: string, urlPath: string): { file: string; contentType: string } | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  if (!file.startsWith(normalize(root) + sep)) return undefined;
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  const contentType = CONTENT_TYPES[extname(file)];
  if (!contentType) return undefined;
  return { file, contentType };
}

export function readStaticFile(file: string): Buffer {
  return readFileSync(file);
}
