import type { PdfDocumentModel } from '../../../shared/export/pdf-document-model';
import type { FontWeight } from './font-faces';
import type { UndrawableCharacter } from './text-runs';
import type { UndrawableText } from './undrawable-text-error';

function shortened(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 48 ? `${line.slice(0, 47)}…` : line;
}

/**
 * Every character of every text of a document that no embedded font can draw, each with
 * where it is in words a person can find it by: "My goals › 2. Walk to the shop", "the
 * header of every page". Runs before anything is drawn, so nothing is written if any.
 */
export function findUndrawableText(model: PdfDocumentModel, undrawableIn: (text: string, weight: FontWeight) => readonly UndrawableCharacter[]): UndrawableText[] {
  const problems: UndrawableText[] = [];
  const check = (text: string, weight: FontWeight, where: string): void => {
    for (const problem of undrawableIn(text, weight)) problems.push({ ...problem, where });
  };
  check(model.headerText, 'bold', 'the header of every page');
  check(model.footerText, 'regular', 'the footer of every page');
  for (const page of model.pages) {
    let section = page.name;
    let heading = '';
    for (const block of page.blocks) {
      const where = (detail = ''): string => [section, heading, detail].filter(Boolean).map(shortened).join(' › ');
      switch (block.kind) {
        case 'heading':
          if (block.level === 1) {
            section = block.text;
            heading = '';
          } else heading = block.text;
          check(block.text, 'bold', where());
          break;
        case 'paragraph':
          check(block.text, block.strong ? 'bold' : 'regular', where());
          break;
        case 'list':
          block.items.forEach((item, index) => check(item, 'regular', where(`item ${index + 1}`)));
          break;
        case 'keyValues':
          for (const row of block.rows) {
            check(row.key, 'bold', where());
            check(row.value, 'regular', where(row.key));
          }
          break;
        case 'house':
          for (const part of block.parts) check(`${part.label}\n${part.summary}`, 'regular', where(part.label));
          break;
      }
    }
  }
  return problems;
}
