import { bidiLevels, mirrored, visualOrder, type BidiLevels } from './bidi-order';
import { fontChains, isRightToLeft, needsActualText, type FontFace, type FontWeight } from './font-faces';
import { withActualText, type FontHandle } from './pdfkit-font-adapter';
import { drawnText, segmentText, type SegmentedText, type TextRun } from './text-runs';

type Doc = PDFKit.PDFDocument;

/** Line pitch and where the baseline sits in it, as multiples of the font size. */
const LINE_HEIGHT = 1.45;
const BASELINE = 1.08;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function lineHeight(size: number): number {
  return size * LINE_HEIGHT;
}

interface Shaped {
  segmented: SegmentedText;
  bidi: BidiLevels;
}

/** One laid-out line: a stretch of the text (trailing spaces left off) and its width at the laid size. */
interface Line {
  start: number;
  end: number;
  width: number;
  rightToLeft: boolean;
}

export interface LaidText {
  shaped: Shaped;
  weight: FontWeight;
  size: number;
  width: number;
  lines: Line[];
  height: number;
}

interface Item {
  start: number;
  end: number;
  run: TextRun;
  level: number;
}

export interface DrawOptions {
  /** Called when the next line would go past `bottom`: starts a new sheet and returns the new y. */
  newPage?: () => number;
  bottom: number;
  color: string;
  /** Centre each line in the width (the roof of the house picture); otherwise by the paragraph's direction. */
  centre?: boolean;
  /** Keep right-to-left paragraphs on the left too (table cells, so a column of names lines up). */
  alignLeft?: boolean;
}

/**
 * Lays out and draws text in any mix of scripts with the embedded fonts: runs by font
 * (text-runs), lines by greedy word wrap with widths from the shaping font itself, then per
 * line the Unicode bidi order of its runs. Arabic runs are drawn word by word from the right
 * so multi-word names read right to left (pdfkit on its own lays the words left to right).
 * Shaping (joining, conjuncts, vowel signs) is fontkit's, inside pdfkit.
 */
export class PdfTextEngine {
  private readonly shapedCache = new Map<string, Shaped>();
  private readonly widthCache = new Map<string, number>();
  private readonly layoutCache = new Map<string, LaidText>();

  constructor(
    private readonly doc: Doc,
    private readonly handles: Map<string, FontHandle>,
    private readonly fontDirectory: string,
  ) {}

  private chain(weight: FontWeight): FontHandle[] {
    return fontChains[weight].map((face) => this.handle(face));
  }

  private handle(face: FontFace): FontHandle {
    const handle = this.handles.get(face.key);
    if (!handle) throw new Error(`Font ${face.key} is not registered`);
    return handle;
  }

  shape(text: string, weight: FontWeight): Shaped {
    const key = `${weight}\u0000${text}`;
    let shaped = this.shapedCache.get(key);
    if (!shaped) {
      shaped = { segmented: segmentText(text, this.chain(weight), this.fontDirectory), bidi: bidiLevels(text) };
      this.shapedCache.set(key, shaped);
    }
    return shaped;
  }

  /** Width of a string in one face at size 1, measured by the font that will draw it. */
  private unitWidth(face: FontFace, text: string): number {
    const key = `${face.key}\u0000${text}`;
    let width = this.widthCache.get(key);
    if (width === undefined) {
      this.doc.font(face.key).fontSize(100);
      width = this.doc.widthOfString(text) / 100;
      this.widthCache.set(key, width);
    }
    return width;
  }

  private rangeWidth(shaped: Shaped, start: number, end: number): number {
    let width = 0;
    for (const run of shaped.segmented.runs) {
      if (run.end <= start || run.start >= end) continue;
      const clipped = run.drawnAs !== undefined ? run : { ...run, start: Math.max(run.start, start), end: Math.min(run.end, end) };
      width += this.unitWidth(run.face, drawnText(shaped.segmented.text, clipped, this.handle(run.face)));
    }
    return width;
  }

  layout(text: string, weight: FontWeight, size: number, width: number): LaidText {
    const key = `${weight}\u0000${size}\u0000${width}\u0000${text}`;
    const cached = this.layoutCache.get(key);
    if (cached) return cached;
    const shaped = this.shape(text, weight);
    const lines: Line[] = [];
    const maxUnits = width / size;
    let paragraphStart = 0;
    for (const paragraph of text.split('\n')) {
      const rightToLeft = shaped.bidi.paragraphLevel(paragraphStart) % 2 === 1;
      this.wrapParagraph(shaped, paragraphStart, paragraphStart + paragraph.length, maxUnits, rightToLeft, lines);
      paragraphStart += paragraph.length + 1;
    }
    const laid: LaidText = {
      shaped,
      weight,
      size,
      width,
      lines: lines.map((line) => ({ ...line, width: line.width * size })),
      height: lines.length * lineHeight(size),
    };
    this.layoutCache.set(key, laid);
    return laid;
  }

  /**
   * Greedy wrap at spaces; a word wider than the line is split between grapheme clusters.
   * Widths add up word by word (pdfkit shapes word by word too, so the sum is the width).
   */
  private wrapParagraph(shaped: Shaped, start: number, end: number, maxUnits: number, rightToLeft: boolean, lines: Line[]): void {
    const text = shaped.segmented.text;
    const pattern = / *[^ ]+/gu;
    const paragraph = text.slice(start, end);
    let lineStart = -1;
    let lineEnd = start;
    let lineWidth = 0;
    for (let match = pattern.exec(paragraph); match !== null; match = pattern.exec(paragraph)) {
      const spaces = match[0].length - match[0].trimStart().length;
      const gapStart = start + match.index;
      const wordStart = gapStart + spaces;
      const wordEnd = gapStart + match[0].length;
      const word = this.rangeWidth(shaped, wordStart, wordEnd);
      const gap = lineStart < 0 ? 0 : this.rangeWidth(shaped, gapStart, wordStart);
      if (lineStart >= 0 && lineWidth + gap + word <= maxUnits) {
        lineEnd = wordEnd;
        lineWidth += gap + word;
        continue;
      }
      if (lineStart >= 0) lines.push({ start: lineStart, end: lineEnd, width: lineWidth, rightToLeft });
      lineStart = word > maxUnits ? this.splitLongWord(shaped, wordStart, wordEnd, maxUnits, rightToLeft, lines) : wordStart;
      lineEnd = wordEnd;
      lineWidth = this.rangeWidth(shaped, lineStart, wordEnd);
    }
    if (lineStart < 0) lines.push({ start, end: start, width: 0, rightToLeft });
    else lines.push({ start: lineStart, end: lineEnd, width: lineWidth, rightToLeft });
  }

  /** Pushes full lines of one overlong word; returns where its last (partial) line starts. */
  private splitLongWord(shaped: Shaped, start: number, end: number, maxUnits: number, rightToLeft: boolean, lines: Line[]): number {
    let lineStart = start;
    let lastFit = start;
    for (const { index, segment } of graphemes.segment(shaped.segmented.text.slice(start, end))) {
      const clusterEnd = start + index + segment.length;
      if (this.rangeWidth(shaped, lineStart, clusterEnd) > maxUnits && lastFit > lineStart) {
        lines.push({ start: lineStart, end: lastFit, width: this.rangeWidth(shaped, lineStart, lastFit), rightToLeft });
        lineStart = lastFit;
      }
      lastFit = clusterEnd;
    }
    return lineStart;
  }

  /** Draws laid-out text with its first line's top at y; returns the y below the last line. */
  draw(laid: LaidText, x: number, top: number, options: DrawOptions): number {
    let y = top;
    const pitch = lineHeight(laid.size);
    laid.lines.forEach((line, index) => {
      if (options.newPage && y + pitch > options.bottom) y = options.newPage();
      const left = options.centre ? x + (laid.width - line.width) / 2 : line.rightToLeft && !options.alignLeft ? x + laid.width - line.width : x;
      const baseline = y + laid.size * BASELINE;
      this.drawLine(laid, line, left, baseline, options.color);
      // An unseen space where a line wraps, so text read out or copied from the PDF keeps
      // "Tuesday lunch" as two words rather than "Tuesdaylunch".
      if (index < laid.lines.length - 1) this.drawWrapSpace(laid, line.rightToLeft ? left - this.unitWidth(this.wrapFace(laid), ' ') * laid.size : left + line.width, baseline);
      y += pitch;
    });
    return y;
  }

  private wrapFace(laid: LaidText): FontFace {
    const face = fontChains[laid.weight][0];
    if (!face) throw new Error('No fonts to draw with');
    return face;
  }

  private drawWrapSpace(laid: LaidText, x: number, baseline: number): void {
    this.doc.font(this.wrapFace(laid).key).fontSize(laid.size);
    this.doc.text(' ', x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  }

  private itemsOf(laid: LaidText, line: Line): Item[] {
    const { segmented, bidi } = laid.shaped;
    const items: Item[] = [];
    for (const run of segmented.runs) {
      if (run.end <= line.start || run.start >= line.end) continue;
      if (run.drawnAs !== undefined) {
        items.push({ start: run.start, end: run.end, run, level: bidi.levels[run.start] ?? 0 });
        continue;
      }
      let start = Math.max(run.start, line.start);
      const end = Math.min(run.end, line.end);
      for (let index = start + 1; index <= end; index++) {
        if (index === end || bidi.levels[index] !== bidi.levels[start]) {
          items.push({ start, end: index, run, level: bidi.levels[start] ?? 0 });
          start = index;
        }
      }
    }
    return visualOrder(items);
  }

  private drawLine(laid: LaidText, line: Line, left: number, baseline: number, color: string): void {
    const { text } = laid.shaped.segmented;
    let x = left;
    for (const item of this.itemsOf(laid, line)) {
      const handle = this.handle(item.run.face);
      const logical = text.slice(item.start, item.end);
      const drawn = drawnText(text, { ...item.run, start: item.start, end: item.end }, handle);
      const width = this.unitWidth(item.run.face, drawn) * laid.size;
      const put = (string: string, at: number): void => {
        this.doc.font(item.run.face.key).fontSize(laid.size).fillColor(color);
        this.doc.text(string, at, baseline, { lineBreak: false, baseline: 'alphabetic' });
      };
      if (item.run.drawnAs !== undefined) {
        withActualText(this.doc, logical, () => put(drawn, x));
      } else if (item.level % 2 === 1 && isRightToLeft(item.run.face.script)) {
        this.drawRightToLeftWords(drawn, item.run.face, laid.size, x + width, put);
      } else if (item.level % 2 === 1) {
        // Neutrals (spaces, brackets) inside right-to-left text: reversed, brackets mirrored.
        const reversed = [...graphemes.segment(drawn)].map(({ segment }) => [...segment].map(mirrored).join('')).reverse().join('');
        put(reversed, x);
      } else if (needsActualText(item.run.face.script)) {
        withActualText(this.doc, logical, () => put(drawn, x));
      } else {
        put(drawn, x);
      }
      x += width;
    }
  }

  /** Each word from the right edge leftwards: the first word read is the rightmost. */
  private drawRightToLeftWords(text: string, face: FontFace, size: number, right: number, put: (string: string, at: number) => void): void {
    let edge = right;
    for (const token of text.match(/ +|[^ ]+/gu) ?? []) {
      const width = this.unitWidth(face, token) * size;
      edge -= width;
      if (!token.startsWith(' ')) put(token, edge);
    }
  }
}
