import type { HousePart } from '../plan/plan-snapshot';

/**
 * A page-description model of the person's PDF, independent of any PDF library: the pure
 * builder decides WHAT goes on which page in which words, main/export/render-pdf.ts decides
 * how it is drawn. Sizes are in points (1/72 inch).
 */
export type PdfBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; strong?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'keyValues'; rows: Array<{ key: string; value: string }> }
  | { kind: 'house'; parts: HousePicturePart[]; /** Alternative text for screen readers. */ alt: string };

/**
 * One part of the house picture. The outline is in a unit box (0..1 across, 0..1 down) so
 * the renderer can scale it to any width; a polygon for the roof, rectangles for the rest.
 */
export interface HousePicturePart {
  part: HousePart;
  label: string;
  /** 0 to 1: how much of this part is filled in. */
  completeness: number;
  /** One short plain-language line, e.g. "3 goals, 6 actions". */
  summary: string;
  outline: Array<{ x: number; y: number }>;
}

/**
 * One section of the document. A section that fits on one page, or asks for a new sheet,
 * starts on a fresh sheet; the others flow on from the one before, so a short section never
 * leaves a page nearly empty.
 */
export interface PdfPage {
  /** For tests and messages: 'cover', 'what-matters', 'goals', 'actions', 'contacts', 'services', 'if-unwell'. */
  name: string;
  blocks: PdfBlock[];
  /** Must fit on ONE sheet: the renderer shrinks the type (never below minFontSize) rather than spill. */
  fitOnOnePage: boolean;
  /** Start on a fresh sheet even though it flows (e.g. the first section after the cover). */
  newSheet?: boolean;
}

export interface PdfDocumentModel {
  title: string;
  /** BCP 47 language of the text, for screen readers. */
  lang: string;
  author: string;
  subject: string;
  /** What every page says about its version: the label or "DRAFT — not agreed". */
  versionText: string;
  /** Running header on every page (name and version). */
  headerText: string;
  /** Running footer on every page, before "page x of y": the version or DRAFT, never an internal id. */
  footerText: string;
  /** Large type for the person: body text size in points. */
  baseFontSize: number;
  /** The smallest body size a one-page sheet may shrink to. */
  minFontSize: number;
  /** ISO date-time the document was made (goes into the PDF metadata). */
  createdAt: string;
  pages: PdfPage[];
}
