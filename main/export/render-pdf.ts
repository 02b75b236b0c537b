import PDFDocument from 'pdfkit';
import type { HousePicturePart, PdfBlock, PdfDocumentModel, PdfPage } from '../../shared/export/pdf-document-model';
import { toWinAnsi } from './win-ansi-text';

type Doc = PDFKit.PDFDocument;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const CONTENT_HEIGHT = A4.height - MARGIN.top - MARGIN.bottom;
/** Measured heights can be a line short of what pdfkit then draws; keep a little in hand. */
const FIT_SLACK = 0.96;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#111111';

interface Sizes {
  body: number;
  h1: number;
  h2: number;
  gap: number;
}

function sizesFor(body: number): Sizes {
  return { body, h1: body * 1.6, h2: body * 1.25, gap: body * 0.6 };
}

function textHeight(doc: Doc, text: string, font: string, size: number, width: number): number {
  doc.font(font).fontSize(size);
  return doc.heightOfString(toWinAnsi(text), { width, lineGap: size * 0.25 });
}

function keyWidth(): number {
  return CONTENT_WIDTH * 0.38;
}

function houseHeight(): number {
  return CONTENT_WIDTH * 0.62;
}

function blockHeight(doc: Doc, block: PdfBlock, sizes: Sizes): number {
  switch (block.kind) {
    case 'heading':
      return textHeight(doc, block.text, BOLD, block.level === 1 ? sizes.h1 : sizes.h2, CONTENT_WIDTH) + sizes.gap;
    case 'paragraph':
      return textHeight(doc, block.text, block.strong ? BOLD : REGULAR, sizes.body, CONTENT_WIDTH) + sizes.gap;
    case 'list':
      return block.items.reduce((sum, item) => sum + textHeight(doc, item, REGULAR, sizes.body, CONTENT_WIDTH - sizes.body * 1.5) + sizes.body * 0.2, 0) + sizes.gap;
    case 'keyValues':
      return block.rows.reduce((sum, row) => sum + rowHeight(doc, row, sizes), 0) + sizes.gap;
    case 'house':
      return houseHeight() + sizes.gap;
  }
}

function rowHeight(doc: Doc, row: { key: string; value: string }, sizes: Sizes): number {
  const key = row.key ? textHeight(doc, row.key, BOLD, sizes.body, keyWidth() - 8) : 0;
  const value = textHeight(doc, row.value, REGULAR, sizes.body, CONTENT_WIDTH - keyWidth());
  return Math.max(key, value) + sizes.body * 0.3;
}

function pageHeight(doc: Doc, page: PdfPage, sizes: Sizes): number {
  return page.blocks.reduce((sum, block) => sum + blockHeight(doc, block, sizes), 0);
}

/** Starts a new sheet when a block would straddle the page end (only for flowing pages). */
function keepTogether(doc: Doc, height: number): void {
  const remaining = A4.height - MARGIN.bottom - doc.y;
  if (height > remaining && height <= CONTENT_HEIGHT) doc.addPage();
}

function drawText(doc: Doc, text: string, font: string, size: number, x: number, width: number, y?: number): void {
  doc.font(font).fontSize(size).fillColor(INK);
  doc.text(toWinAnsi(text), x, y ?? doc.y, { width, lineGap: size * 0.25 });
}

/**
 * On flowing pages a block that fits on a sheet is not split, and a heading is kept with
 * (the start of) what follows it, so no heading is left alone at the foot of a page.
 */
function keepBlockTogether(doc: Doc, block: PdfBlock, next: PdfBlock | undefined, sizes: Sizes): void {
  const own = blockHeight(doc, block, sizes);
  const following = block.kind === 'heading' && next ? Math.min(blockHeight(doc, next, sizes), CONTENT_HEIGHT / 2) : 0;
  keepTogether(doc, own + following);
}

function drawBlock(doc: Doc, block: PdfBlock, sizes: Sizes, flowing: boolean): void {
  switch (block.kind) {
    case 'heading':
      drawText(doc, block.text, BOLD, block.level === 1 ? sizes.h1 : sizes.h2, MARGIN.left, CONTENT_WIDTH);
      break;
    case 'paragraph':
      drawText(doc, block.text, block.strong ? BOLD : REGULAR, sizes.body, MARGIN.left, CONTENT_WIDTH);
      break;
    case 'list':
      for (const item of block.items) {
        if (flowing) keepTogether(doc, textHeight(doc, item, REGULAR, sizes.body, CONTENT_WIDTH - sizes.body * 1.5));
        const top = doc.y;
        drawText(doc, '•', BOLD, sizes.body, MARGIN.left, sizes.body * 1.5, top);
        drawText(doc, item, REGULAR, sizes.body, MARGIN.left + sizes.body * 1.5, CONTENT_WIDTH - sizes.body * 1.5, top);
        doc.y += sizes.body * 0.2;
      }
      break;
    case 'keyValues':
      for (const row of block.rows) {
        const height = rowHeight(doc, row, sizes);
        if (flowing) keepTogether(doc, height);
        const top = doc.y;
        if (row.key) drawText(doc, row.key, BOLD, sizes.body, MARGIN.left, keyWidth() - 8, top);
        drawText(doc, row.value, REGULAR, sizes.body, MARGIN.left + keyWidth(), CONTENT_WIDTH - keyWidth(), top);
        doc.y = top + height;
      }
      break;
    case 'house':
      drawHouse(doc, block.parts, sizes);
      break;
  }
  doc.x = MARGIN.left;
  doc.y += sizes.gap;
}

/** Pale grey (nothing done) to green (all done): the picture reads without colour too, via the % text. */
function shade(completeness: number): string {
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * Math.max(0, Math.min(1, completeness)));
  return `#${[mix(0xf0, 0xa8), mix(0xf0, 0xd8), mix(0xf0, 0xb4)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function drawHouse(doc: Doc, parts: HousePicturePart[], sizes: Sizes): void {
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
    // The roof is a triangle: write in its lower, wider half.
    const left = Math.min(...xs) + (isRoof ? width * 0.32 : 4);
    const right = Math.max(...xs) - (isRoof ? width * 0.32 : 4);
    const boxTop = isRoof ? top + height * 0.12 : Math.min(...ys) + 6;
    drawText(doc, part.label, BOLD, labelSize, left, right - left, boxTop);
    drawText(doc, `${Math.round(part.completeness * 100)}% filled in\n${part.summary}`, REGULAR, labelSize, left, right - left);
  }
  doc.x = MARGIN.left;
  doc.y = top + height;
}

/**
 * The body size that lets a one-page sheet fit: the model's large size if it can, stepping
 * down half a point at a time to the model's minimum.
 */
function fittingSize(doc: Doc, page: PdfPage, model: PdfDocumentModel): number | null {
  for (let size = model.baseFontSize; size >= model.minFontSize; size -= 0.5) {
    if (pageHeight(doc, page, sizesFor(size)) <= CONTENT_HEIGHT * FIT_SLACK) return size;
  }
  return null;
}

const CUT_MARK = '… (see the full plan)';

/** Shortens one text by a fifth, keeping a single "see the full plan" mark at its end. */
function cutText(text: string): string {
  const body = text.endsWith(CUT_MARK) ? text.slice(0, -CUT_MARK.length) : text;
  return `${body.slice(0, Math.floor(body.length * 0.8)).trimEnd()}${CUT_MARK}`;
}

/**
 * Last resort when even the smallest type will not fit: shorten the longest text on the
 * sheet, again and again, each marked as cut. The sheet still never spills to a second page.
 */
function shortenToFit(doc: Doc, page: PdfPage, sizes: Sizes): PdfPage {
  let blocks = page.blocks;
  for (let round = 0; round < 400 && pageHeight(doc, { ...page, blocks }, sizes) > CONTENT_HEIGHT * FIT_SLACK; round++) {
    const texts = blocks.flatMap((block) =>
      block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? block.items : block.kind === 'keyValues' ? block.rows.map((row) => row.value) : [],
    );
    const longest = texts.reduce((best, text) => (text.length > best.length ? text : best), '');
    if (longest.length <= CUT_MARK.length + 20) {
      blocks = blocks.slice(0, -1);
      continue;
    }
    let done = false;
    const cutOnce = (text: string): string => {
      if (done || text !== longest) return text;
      done = true;
      return cutText(text);
    };
    blocks = blocks.map((block) => {
      if (block.kind === 'paragraph') return { ...block, text: cutOnce(block.text) };
      if (block.kind === 'list') return { ...block, items: block.items.map(cutOnce) };
      if (block.kind === 'keyValues') return { ...block, rows: block.rows.map((row) => ({ ...row, value: cutOnce(row.value) })) };
      return block;
    });
  }
  return { ...page, blocks };
}

function drawRunningText(doc: Doc, model: PdfDocumentModel): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing in the margins: lift the bottom margin so pdfkit does not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    drawText(doc, model.headerText, BOLD, 11, MARGIN.left, CONTENT_WIDTH, 28);
    drawText(doc, `${model.footerText} · Page ${index - range.start + 1} of ${range.count}`, REGULAR, 11, MARGIN.left, CONTENT_WIDTH, A4.height - 42);
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Renders the person's PDF with pdfkit: real text in built-in Helvetica (searchable and
 * readable by screen readers), A4, large type, the version on every page, and every
 * fitOnOnePage page on exactly one sheet.
 */
export function renderPdf(model: PdfDocumentModel): Promise<Uint8Array> {
  const created = new Date(model.createdAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: model.lang,
    displayTitle: true,
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

  for (const page of model.pages) {
    doc.addPage();
    if (page.fitOnOnePage) {
      const size = fittingSize(doc, page, model);
      const sizes = sizesFor(size ?? model.minFontSize);
      const fitted = size === null ? shortenToFit(doc, page, sizes) : page;
      for (const block of fitted.blocks) drawBlock(doc, block, sizes, false);
    } else {
      const sizes = sizesFor(model.baseFontSize);
      page.blocks.forEach((block, index) => {
        keepBlockTogether(doc, block, page.blocks[index + 1], sizes);
        drawBlock(doc, block, sizes, true);
      });
    }
  }
  drawRunningText(doc, model);
  doc.end();
  return done;
}
