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

/** Letters of the document's own left-to-right scripts. */
const LEFT_TO_RIGHT_LETTER = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/**
 * The document is English, so a text with any left-to-right letters in it reads left to
 * right ("ليلى حداد (Daughter)" keeps "(Daughter)" after the name, on the left margin); a
 * text written wholly in Arabic or Urdu takes its direction from its first letter (UAX #9
 * P2-P3) and is set right to left, aligned right.
 */
export function bidiLevels(text: string): BidiLevels {
  const { levels, paragraphs } = bidi.getEmbeddingLevels(text, LEFT_TO_RIGHT_LETTER.test(text) ? 'ltr' : undefined);
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
