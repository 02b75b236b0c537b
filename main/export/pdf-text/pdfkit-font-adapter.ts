import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FontFace } from './font-faces';
import { isRightToLeft } from './font-faces';

type Doc = PDFKit.PDFDocument;

/**
 * The only place that reaches inside pdfkit 0.20 (pinned in package.json; the shape is
 * checked at run time by currentFont and by tests/unit/export/pdf-text-runs.test.ts). What
 * pdfkit does not offer through its API:
 * - sharing one parsed font between documents (see parsedFonts);
 * - asking a font whether it has a glyph for a character (fontkit's hasGlyphForCodePoint),
 *   to choose a font per run of text instead of printing "?";
 * - ToUnicode for right-to-left ligatures: fontkit gives a ligature's characters in reading
 *   order, but the glyph is drawn in visual order, so text extraction (which reverses
 *   right-to-left runs) would spell "ليلى" as "ليىل". We store the characters of a
 *   multi-character glyph in visual order, as the other glyphs of the run are;
 * - ending an ActualText span under the transform its text was drawn in (below).
 */
interface FontkitGlyph {
  id: number;
  codePoints: number[];
}
interface FontkitRun {
  direction: 'ltr' | 'rtl';
  glyphs: FontkitGlyph[];
}
interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(...args: unknown[]): FontkitRun;
  createSubset(): unknown;
}
interface EmbeddedFont {
  /** Resource name on the page, e.g. "F3". */
  id: string;
  font: FontkitFont;
  subset: unknown;
  ascender: number;
  descender: number;
}

function currentFont(doc: Doc): EmbeddedFont {
  const font = (doc as unknown as { _font?: unknown })._font as Partial<EmbeddedFont> | undefined;
  if (!font || typeof font.font?.hasGlyphForCodePoint !== 'function' || typeof font.font.layout !== 'function' || typeof font.font.createSubset !== 'function' || !('subset' in font)) {
    throw new Error('pdfkit no longer exposes an embedded font as expected (doc._font.font): check main/export/pdf-text/pdfkit-font-adapter.ts');
  }
  return font as EmbeddedFont;
}

const patched = new WeakSet<FontkitFont>();

function storeLigaturesInVisualOrder(font: FontkitFont): void {
  if (patched.has(font)) return;
  patched.add(font);
  const layout = font.layout.bind(font);
  const reversed = new WeakSet<FontkitGlyph>();
  font.layout = (...args: unknown[]): FontkitRun => {
    const run = layout(...args);
    if (run.direction === 'rtl') {
      for (const glyph of run.glyphs) {
        // fontkit caches glyph objects per id, so each is turned round once only.
        if (glyph.codePoints.length > 1 && !reversed.has(glyph)) {
          reversed.add(glyph);
          glyph.codePoints = [...glyph.codePoints].reverse();
        }
      }
    }
    return run;
  };
}

export interface FontHandle {
  face: FontFace;
  has(codePoint: number): boolean;
}

/** Font files read once per process: every export embeds from the same bytes. */
const fileCache = new Map<string, Buffer>();
/**
 * Parsed fonts shared by every document of the process. fontkit decodes its tables (and the
 * shaping tables of a font like Noto Sans are large) on first use; parsing them again for
 * every export was most of an export's time. Each document still gets its own subset.
 */
const parsedFonts = new Map<string, FontkitFont>();

function fontBytes(path: string): Buffer {
  let bytes = fileCache.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    fileCache.set(path, bytes);
  }
  return bytes;
}

/**
 * Registers every face with the document; each is opened (parsed, and later embedded) only
 * when a character first asks it for a glyph, so a plan written in English never parses
 * the Bengali font.
 */
export function registerFonts(doc: Doc, faces: readonly FontFace[], directory: string): Map<string, FontHandle> {
  const handles = new Map<string, FontHandle>();
  for (const face of faces) {
    doc.registerFont(face.key, fontBytes(join(directory, face.file)));
    let embedded: EmbeddedFont | null = null;
    const open = (): EmbeddedFont => {
      if (embedded === null) {
        const previous = (doc as unknown as { _font?: unknown })._font;
        doc.font(face.key);
        embedded = currentFont(doc);
        // pdfkit hands back an already open font with the same PostScript name (bold text
        // borrowing the regular symbols) without remembering it under this key, and would
        // then parse the file again on every doc.font(key): remember it.
        (doc as unknown as { _fontFamilies: Record<string, unknown> })._fontFamilies[face.key] = embedded;
        const parsed = parsedFonts.get(face.file);
        if (!parsed) parsedFonts.set(face.file, embedded.font);
        else if (embedded.font !== parsed) {
          embedded.font = parsed;
          embedded.subset = parsed.createSubset();
        }
        if (isRightToLeft(face.script)) storeLigaturesInVisualOrder(embedded.font);
        // Opening a face must not change the font of whatever is drawn next.
        (doc as unknown as { _font?: unknown })._font = previous;
      }
      return embedded;
    };
    const cache = new Map<number, boolean>();
    handles.set(face.key, {
      face,
      has(codePoint) {
        let known = cache.get(codePoint);
        if (known === undefined) {
          known = open().font.hasGlyphForCodePoint(codePoint);
          cache.set(codePoint, known);
        }
        return known;
      },
    });
  }
  return handles;
}

/**
 * Draws inside a marked-content span whose ActualText is what the glyphs mean. pdfkit draws
 * each text fragment inside its own q/Q with the page's y-flip undone, so by the EMC the
 * transform is back to the page's; readers (poppler among them) place the ActualText with
 * the transform in force at EMC, which would drop it a line away from the glyphs. Undoing
 * the flip around the EMC puts it back where the glyphs are...
 */
export function withActualText(doc: Doc, actualText: string, draw: () => void): void {
  doc.markContent('Span', { actual: actualText });
  draw();
  // ...and the font and size too (text state is allowed outside a text object), or the
  // replacement text is placed with no height and lands on a line of its own.
  const font = currentFont(doc);
  const size = (doc as unknown as { _fontSize: number })._fontSize;
  doc.addContent(`q 1 0 0 -1 0 ${doc.page.height} cm BT /${font.id} ${size} Tf ET`);
  doc.endMarkedContent();
  doc.addContent('Q');
}
