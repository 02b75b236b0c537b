import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Names for emoji, for writing an emoji the fonts cannot draw as words ("[sunflower]") —
 * colour emoji fonts have no outlines a PDF can embed, and a blank or "?" would change what
 * someone wrote. resources/fonts/emoji-names.json holds the Unicode character names (lower
 * case) of every Extended_Pictographic character, from the Unicode Character Database
 * (Unicode 14), with the skin tone modifiers named as CLDR names them.
 */
let names: Map<number, string> | null = null;

function loadNames(directory: string): Map<number, string> {
  if (names === null) {
    const table = JSON.parse(readFileSync(join(directory, 'emoji-names.json'), 'utf8')) as Record<string, string>;
    names = new Map(Object.entries(table).map(([hex, name]) => [Number.parseInt(hex, 16), name]));
  }
  return names;
}

const JOINERS = /[\u200d\ufe0e\ufe0f\u20e3]/gu;
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

export function isEmojiCluster(cluster: string): boolean {
  return PICTOGRAPHIC.test(cluster);
}

/**
 * "[sunflower]", "[thumbs up sign, medium skin tone]", "[flag GB]" for one grapheme cluster;
 * null when a part of it has no name (then it is reported as undrawable, never guessed).
 */
export function emojiAsWords(cluster: string, directory: string): string | null {
  const table = loadNames(directory);
  const parts = [...cluster.replace(JOINERS, '')];
  if (parts.length > 0 && parts.every((part) => /\p{Regional_Indicator}/u.test(part))) {
    const letters = parts.map((part) => table.get(part.codePointAt(0) ?? 0));
    return letters.every(Boolean) ? `[flag ${letters.join('')}]` : null;
  }
  const words = parts.map((part) => table.get(part.codePointAt(0) ?? 0) ?? (/^[0-9#*]$/.test(part) ? part : undefined));
  if (words.length === 0 || words.some((word) => word === undefined)) return null;
  return `[${words.join(', ')}]`;
}
