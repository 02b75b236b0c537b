import bidiFactory from 'bidi-js';

/**
 * The Unicode Bidirectional Algorithm (UAX #9) from bidi-js: embedding levels per UTF-16
 * unit (odd = right to left), and mirrored brackets for right-to-left neutrals.
 */
const bidi = bidiFactory();

export interface BidiLevels {
  levels: Uint8Array;
  /** Base level of the paragraph containing each offset: 1 when it starts with a right-to-left letter. */
  paragraphLevel(offset: number): number;
}

export function bidiLevels(text: string): BidiLevels {
  const { levels, paragraphs } = bidi.getEmbeddingLevels(text);
  return {
    levels,
    paragraphLevel(offset) {
      return paragraphs.find((paragraph) => offset >= paragraph.start && offset <= paragraph.end)?.level ?? 0;
    },
  };
}

export function mirrored(char: string): string {
  return bidi.getMirroredCharacter(char) ?? char;
}

/**
 * UAX #9 rule L2 over whole items: from the highest level down to the lowest odd level,
 * reverse every maximal sequence of items at that level or higher. Returns the visual order.
 */
export function visualOrder<T extends { level: number }>(items: readonly T[]): T[] {
  const order = [...items];
  if (order.length < 2) return order;
  const max = Math.max(...order.map((item) => item.level));
  const minOdd = Math.min(...order.map((item) => item.level).filter((level) => level % 2 === 1), max + 1);
  for (let level = max; level >= minOdd; level--) {
    let index = 0;
    while (index < order.length) {
      if ((order[index]?.level ?? 0) < level) {
        index++;
        continue;
      }
      let end = index;
      while (end < order.length && (order[end]?.level ?? 0) >= level) end++;
      const reversed = order.slice(index, end).reverse();
      order.splice(index, end - index, ...reversed);
      index = end;
    }
  }
  return order;
}
