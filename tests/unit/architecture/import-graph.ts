import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface ImportEdge {
  file: string;
  specifier: string;
  /** Repo-relative path for relative imports, undefined for packages. */
  target: string | undefined;
}

const IMPORT_PATTERNS = [
  /\bimport\s+(?:type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [full] : [];
  });
}

/** Every import in a top-level folder, read from the source text (static, dynamic and require). */
export function importsUnder(root: string, folder: string): ImportEdge[] {
  return sourceFiles(join(root, folder)).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const specifiers = new Set<string>();
    for (const pattern of IMPORT_PATTERNS) for (const match of text.matchAll(pattern)) if (match[1]) specifiers.add(match[1]);
    return [...specifiers].map((specifier) => ({
      file: relative(root, file),
      specifier,
      target: specifier.startsWith('.') ? relative(root, resolve(dirname(file), specifier)) : undefined,
    }));
  });
}
