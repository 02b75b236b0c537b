import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { visualOrder } from '../../../main/export/pdf-text/bidi-order';
import { fontDirectory } from '../../../main/export/pdf-text/font-directory';
import { allFontFaces, fontChains } from '../../../main/export/pdf-text/font-faces';
import { registerFonts, type FontHandle } from '../../../main/export/pdf-text/pdfkit-font-adapter';
import { segmentText } from '../../../main/export/pdf-text/text-runs';

/** Real fonts from resources/fonts, opened by a real pdfkit document. */
function chain(): FontHandle[] {
  const doc = new PDFDocument({ autoFirstPage: false });
  const handles = registerFonts(doc, allFontFaces, fontDirectory());
  return fontChains.regular.map((face) => handles.get(face.key)!);
}

function runsOf(text: string): Array<[string, string, string?]> {
  const { runs } = segmentText(text, chain(), fontDirectory());
  return runs.map((run) => [text.slice(run.start, run.end), run.face.script, ...(run.drawnAs ? [run.drawnAs] : [])] as [string, string, string?]);
}

describe('choosing a font per run of text', () => {
  it('gives each script its own font; punctuation and spaces between scripts the Latin font (bidi places them)', () => {
    const runs = runsOf('Who: محمد علی خان and রহিমা বেগম, ਹਰਪ੍ਰੀਤ, પ્રિયા, अनीता, Ελένη, Ольга, Gwŵyn (friend)');
    expect(runs).toEqual([
      ['Who: ', 'latin'],
      // A space between two words of one script stays in that script's run.
      ['محمد علی خان', 'arabic'],
      [' and ', 'latin'],
      ['রহিমা বেগম', 'bengali'],
      [', ', 'latin'],
      ['ਹਰਪ੍ਰੀਤ', 'gurmukhi'],
      [', ', 'latin'],
      ['પ્રિયા', 'gujarati'],
      [', ', 'latin'],
      ['अनीता', 'devanagari'],
      [', Ελένη, Ольга, Gwŵyn (friend)', 'latin'],
    ]);
    // What the Latin font lacks (the Arabic comma) comes from the script's own font.
    expect(runsOf('علی، خان').map(([, script]) => script)).toEqual(['arabic']);
  });

  it('never splits a letter from its marks: a Bengali vowel sign and a Latin combining accent stay with their letter', () => {
    const runs = runsOf('রহিমা e\u0301');
    expect(runs).toEqual([
      ['রহিমা', 'bengali'],
      [' e\u0301', 'latin'],
    ]);
  });

  it('writes an emoji no font has as its name, and draws one the symbols font has', () => {
    expect(runsOf('Dad 🌻 tea')).toEqual([
      ['Dad ', 'latin'],
      ['🌻', 'latin', '[sunflower]'],
      [' tea', 'latin'],
    ]);
    expect(runsOf('👍🏽')).toEqual([['👍🏽', 'latin', '[thumbs up sign, medium skin tone]']]);
    expect(runsOf('🇬🇧')).toEqual([['🇬🇧', 'latin', '[flag GB]']]);
    expect(runsOf('❤').map(([, script]) => script)).toEqual(['symbols']);
  });

  it('reports a character no font has, with its code point', () => {
    const segmented = segmentText('Tenzin ཀ', chain(), fontDirectory());
    expect(segmented.undrawable).toEqual([{ character: 'ཀ', codePoint: 'U+0F40' }]);
    // Positive control: the same text without it has nothing to report.
    expect(segmentText('Tenzin', chain(), fontDirectory()).undrawable).toEqual([]);
  });
});

describe('bidi visual order (UAX #9 rule L2)', () => {
  it('reverses right-to-left runs, and numbers inside them back again', () => {
    const items = [
      { text: 'Who: ', level: 0 },
      { text: 'محمد', level: 1 },
      { text: '12', level: 2 },
      { text: 'خان', level: 1 },
      { text: ' ok', level: 0 },
    ];
    expect(visualOrder(items).map((item) => item.text)).toEqual(['Who: ', 'خان', '12', 'محمد', ' ok']);
  });
});
