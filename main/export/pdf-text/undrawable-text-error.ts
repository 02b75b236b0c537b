import type { UndrawableCharacter } from './text-runs';

export interface UndrawableText extends UndrawableCharacter {
  /** Where in the document: "My goals › 2. Walk to the shop", "every page header". */
  where: string;
}

/**
 * Thrown before any PDF is written when a character has no glyph in any embedded font and
 * is not an emoji we can name: the export says which character and where, rather than
 * printing "?" or a blank box in the one document the person keeps.
 */
export class UndrawableTextError extends Error {
  constructor(readonly problems: readonly UndrawableText[]) {
    const listed = problems
      .slice(0, 5)
      .map((problem) => `"${problem.character}" (${problem.codePoint}) in ${problem.where}`)
      .join('; ');
    const more = problems.length > 5 ? ` and ${problems.length - 5} more` : '';
    super(`The PDF cannot draw ${listed}${more}. Nothing was written: change that text in the plan, or export Markdown instead.`);
    this.name = 'UndrawableTextError';
  }
}
