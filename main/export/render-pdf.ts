import PDFDocument from 'pdfkit';
import type { HousePicturePart, PdfBlock, PdfDocumentModel, PdfPage } from '../../shared/export/pdf-document-model';
import { fontDirectory } from './pdf-text/font-directory';
import { allFontFaces, type FontWeight } from './pdf-text/font-faces';
import { PdfTextEngine, lineHeight } from './pdf-text/pdf-text-engine';
import { registerFonts } from './pdf-text/pdfkit-font-adapter';
import { findUndrawableText } from './pdf-text/find-undrawable-text';
import { UndrawableTextError, type UndrawableText } from './pdf-text/undrawable-text-error';
import { shortenToFit } from './shorten-to-fit';

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;
/** pdfkit 0.20 also takes a table header's scope; @types/pdfkit does not list it yet. */
type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' | 'Both' };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const CONTENT_HEIGHT = A4.height - MARGIN.top - MARGIN.bottom;
const CONTENT_BOTTOM = A4.height - MARGIN.bottom;
/** Measured heights can be a line short of what is then drawn; keep a little in hand. */
const FIT_SLACK = 0.96;
const INK = '#111111';
const RUNNING_SIZE = 11;

interface Sizes {
  body: number;
  h1: number;
  h2: number;
  gap: number;
}

function sizesFor(body: number): Sizes {
  return { body, h1: body * 1.6, h2: body * 1.25, gap: body * 0.6 };
}

function keyWidth(): number {
  return CONTENT_WIDTH * 0.38;
}

function houseHeight(): number {
  return CONTENT_WIDTH * 0.62;
}

function bulletIndent(sizes: Sizes): number {
  return sizes.body * 1.5;
}

/**
 * Renders the person's PDF with pdfkit and the embedded Noto fonts: every script in the
 * plan drawn by a font that has it (see pdf-text/), tagged for screen readers (headings,
 * lists and tables in reading order, the house picture with alternative text, running
 * header and footer as artifacts), A4, large type. Sections flow on from one another so no
 * page is left nearly empty; a fitOnOnePage section gets exactly one sheet of its own.
 */
class PdfRenderer {
  private readonly engine: PdfTextEngine;
  private section: StructElement;

  constructor(
    private readonly doc: Doc,
    private readonly model: PdfDocumentModel,
    private readonly root: StructElement,
    directory: string,
  ) {
    this.engine = new PdfTextEngine(doc, registerFonts(doc, allFontFaces, directory), directory);
    this.section = root;
  }

  /** Every character of every text, checked before anything is drawn. */
  undrawable(): UndrawableText[] {
    return findUndrawableText(this.model, (text, weight) => this.engine.shape(text, weight).segmented.undrawable);
  }

  private textHeight(text: string, weight: FontWeight, size: number, width: number): number {
    return this.engine.layout(text, weight, size, width).height;
  }

  /** Draws text with its top at y (or the cursor); on flowing pages a long text carries on over the page. Returns the y below it. */
  private drawText(text: string, weight: FontWeight, size: number, x: number, width: number, flowing: boolean, top = this.doc.y, align: 'centre' | 'left' | 'natural' = 'natural'): number {
    const laid = this.engine.layout(text, weight, size, width);
    const newPage = flowing
      ? (): number => {
          this.doc.addPage();
          return MARGIN.top;
        }
      : undefined;
    return this.engine.draw(laid, x, top, { bottom: CONTENT_BOTTOM, color: INK, newPage, centre: align === 'centre', alignLeft: align === 'left' });
  }

  /** One structure element holding what `draw` puts on the page (across page breaks, too). */
  private tagged(parent: StructElement, type: string, draw: () => void, options: StructOptions = {}): StructElement {
    const element = this.doc.struct(type, options);
    parent.add(element);
    const content = this.doc.markStructureContent(type);
    draw();
    this.doc.endMarkedContent();
    element.add(content);
    element.end();
    return element;
  }

  private blockHeight(block: PdfBlock, sizes: Sizes): number {
    switch (block.kind) {
      case 'heading':
        return this.textHeight(block.text, 'bold', block.level === 1 ? sizes.h1 : sizes.h2, CONTENT_WIDTH) + sizes.gap;
      case 'paragraph':
        return this.textHeight(block.text, block.strong ? 'bold' : 'regular', sizes.body, CONTENT_WIDTH) + sizes.gap;
      case 'list':
        return block.items.reduce((sum, item) => sum + this.textHeight(item, 'regular', sizes.body, CONTENT_WIDTH - bulletIndent(sizes)) + sizes.body * 0.2, 0) + sizes.gap;
      case 'keyValues':
        return block.rows.reduce((sum, row) => sum + this.rowHeight(row, sizes), 0) + sizes.gap;
      case 'house':
        return houseHeight() + sizes.gap;
    }
  }

  private rowHeight(row: { key: string; value: string }, sizes: Sizes): number {
    const key = row.key ? this.textHeight(row.key, 'bold', sizes.body, keyWidth() - 8) : 0;
    const value = this.textHeight(row.value, 'regular', sizes.body, CONTENT_WIDTH - keyWidth());
    return Math.max(key, value) + sizes.body * 0.3;
  }

  private pageHeight(page: PdfPage, sizes: Sizes): number {
    return page.blocks.reduce((sum, block) => sum + this.blockHeight(block, sizes), 0);
  }

  /** Starts a new sheet when a block would straddle the page end (only for flowing pages). */
  private keepTogether(height: number): void {
    const remaining = CONTENT_BOTTOM - this.doc.y;
    if (height > remaining && height <= CONTENT_HEIGHT) this.doc.addPage();
  }

  /**
   * On flowing pages a block that fits on a sheet is not split, and a heading is kept with
   * (the start of) what follows it, so no heading is left alone at the foot of a page.
   */
  private keepBlockTogether(block: PdfBlock, next: PdfBlock | undefined, sizes: Sizes): void {
    // Tables and lists keep each row or item whole instead, so they can start under their heading.
    if (block.kind === 'keyValues' || block.kind === 'list') return;
    const own = this.blockHeight(block, sizes);
    const following = block.kind === 'heading' && next ? Math.min(this.firstPartHeight(next, sizes), CONTENT_HEIGHT / 2) : 0;
    this.keepTogether(own + following);
  }

  /** A heading needs to stay with the first row or item of what follows, not all of it. */
  private firstPartHeight(block: PdfBlock, sizes: Sizes): number {
    if (block.kind === 'keyValues' && block.rows[0]) return this.rowHeight(block.rows[0], sizes);
    if (block.kind === 'list' && block.items[0] !== undefined) return this.textHeight(block.items[0], 'regular', sizes.body, CONTENT_WIDTH - bulletIndent(sizes));
    return this.blockHeight(block, sizes);
  }

  private drawBlock(block: PdfBlock, sizes: Sizes, flowing: boolean): void {
    const doc = this.doc;
    switch (block.kind) {
      case 'heading':
        this.tagged(this.section, block.level === 1 ? 'H1' : 'H2', () => {
          doc.y = this.drawText(block.text, 'bold', block.level === 1 ? sizes.h1 : sizes.h2, MARGIN.left, CONTENT_WIDTH, flowing);
        });
        break;
      case 'paragraph':
        this.tagged(this.section, 'P', () => {
          doc.y = this.drawText(block.text, block.strong ? 'bold' : 'regular', sizes.body, MARGIN.left, CONTENT_WIDTH, flowing);
        });
        break;
      case 'list': {
        const list = doc.struct('L');
        this.section.add(list);
        for (const item of block.items) {
          if (flowing) this.keepTogether(this.textHeight(item, 'regular', sizes.body, CONTENT_WIDTH - bulletIndent(sizes)));
          const entry = doc.struct('LI');
          list.add(entry);
          const top = doc.y;
          this.tagged(entry, 'Lbl', () => this.drawText('•', 'bold', sizes.body, MARGIN.left, bulletIndent(sizes), false, top));
          let bottom = top;
          this.tagged(entry, 'LBody', () => {
            bottom = this.drawText(item, 'regular', sizes.body, MARGIN.left + bulletIndent(sizes), CONTENT_WIDTH - bulletIndent(sizes), flowing, top);
          });
          entry.end();
          doc.y = bottom + sizes.body * 0.2;
        }
        list.end();
        break;
      }
      case 'keyValues': {
        const table = doc.struct('Table');
        this.section.add(table);
        for (const row of block.rows) {
          const height = this.rowHeight(row, sizes);
          if (flowing) this.keepTogether(height);
          const tableRow = doc.struct('TR');
          table.add(tableRow);
          const top = doc.y;
          let keyBottom = top;
          this.tagged(tableRow, 'TH', () => {
            if (row.key) keyBottom = this.drawText(row.key, 'bold', sizes.body, MARGIN.left, keyWidth() - 8, false, top, 'left');
          }, { scope: 'Row' });
          const page = this.currentPageIndex();
          let valueBottom = top;
          this.tagged(tableRow, 'TD', () => {
            valueBottom = this.drawText(row.value, 'regular', sizes.body, MARGIN.left + keyWidth(), CONTENT_WIDTH - keyWidth(), flowing, top, 'left');
          });
          tableRow.end();
          // A value that ran on over the page ends below its own last line, not the key's.
          const ranOver = this.currentPageIndex() !== page;
          doc.y = (ranOver ? valueBottom : Math.max(keyBottom, valueBottom, top + height - sizes.body * 0.3)) + sizes.body * 0.3;
        }
        table.end();
        break;
      }
      case 'house':
        this.tagged(this.section, 'Figure', () => this.drawHouse(block.parts, sizes), { alt: block.alt });
        break;
    }
    doc.x = MARGIN.left;
    doc.y += sizes.gap;
  }

  private currentPageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  private drawHouse(parts: HousePicturePart[], sizes: Sizes): void {
    const doc = this.doc;
    const top = doc.y;
    const width = CONTENT_WIDTH;
    const height = houseHeight();
    const labelSize = Math.max(8, Math.min(13, sizes.body * 0.75));
    for (const part of parts) {
      const points = part.outline.map((point) => [MARGIN.left + point.x * width, top + point.y * height] as [number, number]);
      doc.polygon(...points).lineWidth(1.5).fillAndStroke(shade(part.completeness), INK);
      const xs = points.map(([x]) => x);
      const ys = points.map(([, y]) => y);
      const isRoof = part.part === 'roof';
      // The roof is a triangle: its lines are centred under the apex, each wider than the last.
      const left = Math.min(...xs) + (isRoof ? width * 0.2 : 4);
      const right = Math.max(...xs) - (isRoof ? width * 0.2 : 4);
      const boxTop = isRoof ? top + height * 0.1 : Math.min(...ys) + 6;
      const align = isRoof ? 'centre' : 'natural';
      const below = this.drawText(part.label, 'bold', labelSize, left, right - left, false, boxTop, align);
      this.drawText(`${Math.round(part.completeness * 100)}% filled in\n${part.summary}`, 'regular', labelSize, left, right - left, false, below, align);
    }
    doc.x = MARGIN.left;
    doc.y = top + height;
  }

  /**
   * The body size that lets a one-page sheet fit: the model's large size if it can, stepping
   * down half a point at a time to the model's minimum.
   */
  private fittingSize(page: PdfPage): number | null {
    for (let size = this.model.baseFontSize; size >= this.model.minFontSize; size -= 0.5) {
      if (this.pageHeight(page, sizesFor(size)) <= CONTENT_HEIGHT * FIT_SLACK) return size;
    }
    return null;
  }

  drawPages(): void {
    // Whatever follows a one-page sheet starts on a sheet of its own.
    let afterOwnSheet = false;
    for (const page of this.model.pages) {
      const section = this.doc.struct('Sect');
      this.root.add(section);
      this.section = section;
      if (page.fitOnOnePage || page.newSheet === true || afterOwnSheet || this.doc.bufferedPageRange().count === 0) this.doc.addPage();
      if (page.fitOnOnePage) {
        const size = this.fittingSize(page);
        const sizes = sizesFor(size ?? this.model.minFontSize);
        const fitted = size === null ? shortenToFit(page, (candidate) => this.pageHeight(candidate, sizes) <= CONTENT_HEIGHT * FIT_SLACK) : page;
        for (const block of fitted.blocks) this.drawBlock(block, sizes, false);
      } else {
        const sizes = sizesFor(this.model.baseFontSize);
        page.blocks.forEach((block, index) => {
          this.keepBlockTogether(block, page.blocks[index + 1], sizes);
          this.drawBlock(block, sizes, true);
        });
      }
      afterOwnSheet = page.fitOnOnePage;
      section.end();
    }
  }

  drawRunningText(): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      doc.markContent('Artifact', { type: 'Pagination' });
      this.drawText(this.model.headerText, 'bold', RUNNING_SIZE, MARGIN.left, CONTENT_WIDTH, false, 26);
      const footer = `${this.model.footerText} — page ${index - range.start + 1} of ${range.count}`;
      this.drawText(footer, 'regular', RUNNING_SIZE, MARGIN.left, CONTENT_WIDTH, false, A4.height - 26 - lineHeight(RUNNING_SIZE));
      doc.endMarkedContent();
    }
  }
}

/** Pale grey (nothing done) to green (all done): the picture reads without colour too, via the % text. */
function shade(completeness: number): string {
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * Math.max(0, Math.min(1, completeness)));
  return `#${[mix(0xf0, 0xa8), mix(0xf0, 0xd8), mix(0xf0, 0xb4)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The person's PDF as bytes. Throws UndrawableTextError, before anything is written, if a
 * character cannot be drawn by any embedded font (and is not an emoji it can name).
 */
export function renderPdf(model: PdfDocumentModel): Promise<Uint8Array> {
  const directory = fontDirectory();
  const created = new Date(model.createdAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: model.lang,
    displayTitle: true,
    // No default font: pdfkit would otherwise load Helvetica (not embedded). Every text is
    // drawn by the engine, which always names its embedded font first. (@types/pdfkit does
    // not list null, which pdfkit 0.20 accepts for exactly this.)
    font: null as unknown as string,
    info: { Title: model.title, Author: model.author, Subject: model.subject, Creator: 'CareHouse', CreationDate: created, ModDate: created },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => {
      const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      const bytes = new Uint8Array(total);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(bytes);
    });
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const renderer = new PdfRenderer(doc, model, root, directory);
  const problems = renderer.undrawable();
  if (problems.length > 0) return Promise.reject(new UndrawableTextError(problems));
  renderer.drawPages();
  renderer.drawRunningText();
  root.end();
  doc.end();
  return done;
}
