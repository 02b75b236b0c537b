// A small, strict reader for the front matter of hazard files (docs/safety/hazards/*.md).
// It reads a deliberately tiny subset of YAML — nested maps, lists of text, lists of maps,
// `[]` for an empty list, full-line `#` comments — and refuses everything else with the
// line number, rather than guessing. A YAML package would accept far more (anchors, tags,
// flow maps, implicit numbers and booleans) and so turn a typo in a safety record into a
// silently different value; the hazard log needs nothing beyond this subset.

export type FrontMatterValue = string | FrontMatterValue[] | FrontMatterMap;
export interface FrontMatterMap {
  [key: string]: FrontMatterValue;
}

export interface FrontMatterDocument {
  data: FrontMatterMap;
  body: string;
}

export class FrontMatterError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'FrontMatterError';
  }
}

interface Line {
  indent: number;
  text: string;
  number: number;
}

const KEY = /^([a-z][a-z0-9-]*):(?: (.*))?$/;
const INDENT_STEP = 2;
// Characters that start something else in YAML (flow collections, anchors, tags, block
// scalars, quotes): a plain value may not begin with them, so nothing is misread.
const RESERVED_START = /^[[\]{}&*!|>'%@`]/;

/** Splits `---` front matter from the Markdown body and reads it. */
export function parseFrontMatter(source: string): FrontMatterDocument {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  if (lines[0] !== '---') throw new FrontMatterError(1, 'the file must start with a line "---" (front matter)');
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new FrontMatterError(lines.length, 'the front matter is never closed by a line "---"');
  const tokens: Line[] = [];
  for (let i = 1; i < end; i += 1) {
    const raw = lines[i] ?? '';
    const number = i + 1;
    if (raw.includes('\t')) throw new FrontMatterError(number, 'tabs are not allowed; indent with two spaces');
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    if (indent % INDENT_STEP !== 0) throw new FrontMatterError(number, `indentation must be a multiple of ${INDENT_STEP} spaces`);
    tokens.push({ indent, text: raw.trimEnd().trimStart(), number });
  }
  if (tokens.length === 0) throw new FrontMatterError(2, 'the front matter is empty');
  const reader = new BlockReader(tokens);
  const data = reader.readMap(0, 0);
  if (reader.position < tokens.length) {
    const stray = tokens[reader.position];
    throw new FrontMatterError(stray?.number ?? end, 'unexpected indentation');
  }
  return { data: data.value, body: lines.slice(end + 1).join('\n') };
}

class BlockReader {
  position = 0;
  constructor(private readonly lines: Line[]) {}

  private peek(): Line | undefined {
    return this.lines[this.position];
  }

  readBlock(indent: number, parentLine: number): FrontMatterValue {
    const first = this.peek();
    if (!first || first.indent < indent) throw new FrontMatterError(parentLine, 'a key with no value needs an indented block below it (or write [] for an empty list)');
    if (first.indent > indent) throw new FrontMatterError(first.number, `expected indentation of ${indent} spaces`);
    return first.text === '-' || first.text.startsWith('- ') ? this.readList(indent) : this.readMap(indent, first.number).value;
  }

  readMap(indent: number, startLine: number): { value: FrontMatterMap } {
    const value: FrontMatterMap = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (line.text.startsWith('-')) throw new FrontMatterError(line.number, 'a list item where a "key: value" line was expected');
      const match = KEY.exec(line.text);
      if (!match) throw new FrontMatterError(line.number, 'expected "key: value" (keys are lower-case words joined by hyphens)');
      const key = match[1] ?? '';
      if (Object.prototype.hasOwnProperty.call(value, key)) throw new FrontMatterError(line.number, `"${key}" is given twice`);
      this.position += 1;
      const rest = match[2];
      value[key] = rest === undefined || rest.trim() === '' ? this.readBlock(indent + INDENT_STEP, line.number) : readScalarOrEmptyList(rest, line.number);
    }
    if (Object.keys(value).length === 0) throw new FrontMatterError(startLine, 'expected "key: value"');
    return { value };
  }

  readList(indent: number): FrontMatterValue[] {
    const items: FrontMatterValue[] = [];
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (line.text !== '-' && !line.text.startsWith('- ')) throw new FrontMatterError(line.number, 'expected a list item "- …"');
      const rest = line.text.slice(1).trim();
      if (rest === '') throw new FrontMatterError(line.number, 'an empty list item');
      if (KEY.test(rest)) {
        // "- key: value" opens a map whose other keys sit two spaces further in.
        this.lines[this.position] = { indent: indent + INDENT_STEP, text: rest, number: line.number };
        items.push(this.readMap(indent + INDENT_STEP, line.number).value);
      } else {
        this.position += 1;
        items.push(readScalar(rest, line.number));
      }
    }
    return items;
  }
}

function readScalarOrEmptyList(text: string, line: number): FrontMatterValue {
  return text.trim() === '[]' ? [] : readScalar(text, line);
}

function readScalar(text: string, line: number): string {
  const value = text.trim();
  if (value.startsWith('"')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new FrontMatterError(line, 'a quoted value must be one "…" string (escape inner quotes as \\")');
    }
    if (typeof parsed !== 'string') throw new FrontMatterError(line, 'a quoted value must be one "…" string');
    return parsed;
  }
  if (RESERVED_START.test(value)) throw new FrontMatterError(line, `a value may not start with "${value[0] ?? ''}"; put it in double quotes`);
  if (value.includes(' #')) throw new FrontMatterError(line, 'a value may not hold " #" (it would read as a comment); put it in double quotes');
  return value;
}
