/**
 * The open fonts the person's PDF embeds (resources/fonts, SIL Open Font License), and the
 * order a character looks for a font that can draw it. Noto because one family covers every
 * script a UK care plan meets with matching weight and size, so a Bengali name sits in a
 * Latin sentence without jumping. Only the glyphs used are embedded (subset), so a plan in
 * English carries a few kilobytes of font, not megabytes.
 */
export type FontWeight = 'regular' | 'bold';

export type FontScript = 'latin' | 'arabic' | 'bengali' | 'gurmukhi' | 'gujarati' | 'devanagari' | 'symbols';

export interface FontFace {
  /** Name the face is registered under in the PDF document. */
  key: string;
  file: string;
  weight: FontWeight;
  /** Latin also covers Greek, Cyrillic and Vietnamese; Arabic also covers Urdu, Persian and Pashto letters. */
  script: FontScript;
}

function face(script: FontScript, family: string, weight: FontWeight, fileWeight = weight): FontFace {
  const style = fileWeight === 'bold' ? 'Bold' : 'Regular';
  return { key: `${family}-${weight}`, file: `${family}-${style}.ttf`, weight, script };
}

const families: Array<[FontScript, string, boolean]> = [
  ['latin', 'NotoSans', true],
  ['arabic', 'NotoSansArabic', true],
  ['bengali', 'NotoSansBengali', true],
  ['gurmukhi', 'NotoSansGurmukhi', true],
  ['gujarati', 'NotoSansGujarati', true],
  ['devanagari', 'NotoSansDevanagari', true],
  // Symbols 2 has no bold: bold text borrows the regular symbols.
  ['symbols', 'NotoSansSymbols2', false],
];

/** Fallback chains, Latin first: a character is drawn by the first face that has it. */
export const fontChains: Record<FontWeight, FontFace[]> = {
  regular: families.map(([script, family]) => face(script, family, 'regular')),
  bold: families.map(([script, family, hasBold]) => face(script, family, 'bold', hasBold ? 'bold' : 'regular')),
};

export const allFontFaces: FontFace[] = [...fontChains.regular, ...fontChains.bold];

/**
 * Scripts whose shaping reorders or merges letters (a Bengali vowel sign drawn before its
 * consonant, conjuncts): the drawn glyphs alone do not spell the text in reading order, so
 * each run also carries its text as ActualText for copy, search and screen readers.
 */
export function needsActualText(script: FontScript): boolean {
  return script === 'bengali' || script === 'gurmukhi' || script === 'gujarati' || script === 'devanagari';
}

/** Scripts written right to left. */
export function isRightToLeft(script: FontScript): boolean {
  return script === 'arabic';
}
