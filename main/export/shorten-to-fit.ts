import type { PdfPage } from '../../shared/export/pdf-document-model';

const CUT_MARK = '… (see the full plan)';

/** Shortens one text by a fifth, keeping a single "see the full plan" mark at its end. */
function cutText(text: string): string {
  const body = text.endsWith(CUT_MARK) ? text.slice(0, -CUT_MARK.length) : text;
  return `${body.slice(0, Math.floor(body.length * 0.8)).trimEnd()}${CUT_MARK}`;
}

/**
 * Last resort for a one-page sheet when even the smallest type will not fit: shorten the
 * longest text on the sheet, again and again, each marked as cut, until `fits` says it fits.
 * The sheet still never spills to a second page.
 */
export function shortenToFit(page: PdfPage, fits: (page: PdfPage) => boolean): PdfPage {
  let blocks = page.blocks;
  for (let round = 0; round < 400 && !fits({ ...page, blocks }); round++) {
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
