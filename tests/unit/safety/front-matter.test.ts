import { describe, expect, it } from 'vitest';
import { FrontMatterError, parseFrontMatter } from '../../../scripts/safety/front-matter';

const reason = (source: string): string => {
  try {
    parseFrontMatter(source);
  } catch (error) {
    if (error instanceof FrontMatterError) return error.message;
    throw error;
  }
  throw new Error('expected the front matter to be refused');
};

describe('the hazard front-matter reader', () => {
  it('reads nested maps, lists of text, lists of maps, [] and quoted values, and keeps the body', () => {
    const document = parseFrontMatter(
      [
        '---',
        'id: HAZ-001',
        '# a comment line',
        'causes:',
        '  - First: with a colon',
        '  - Second',
        'initial:',
        '  likelihood: low',
        'training: []',
        'evidence:',
        '  - control: D1',
        '    test: "a > b: \\"quoted\\""',
        '  - control: D2',
        '    test: plain > title',
        '---',
        '',
        'Body text.',
      ].join('\n'),
    );
    expect(document.data).toEqual({
      id: 'HAZ-001',
      causes: ['First: with a colon', 'Second'],
      initial: { likelihood: 'low' },
      training: [],
      evidence: [
        { control: 'D1', test: 'a > b: "quoted"' },
        { control: 'D2', test: 'plain > title' },
      ],
    });
    expect(document.body).toBe('\nBody text.');
  });

  it('refuses what it does not read, with the line: no opening, no closing, tabs, odd indents, duplicates', () => {
    expect(reason('id: HAZ-001\n')).toBe('line 1: the file must start with a line "---" (front matter)');
    expect(reason('---\nid: HAZ-001\n')).toMatch(/never closed/);
    expect(reason('---\ncauses:\n\t- x\n---\n')).toBe('line 3: tabs are not allowed; indent with two spaces');
    expect(reason('---\ncauses:\n   - x\n---\n')).toBe('line 3: indentation must be a multiple of 2 spaces');
    expect(reason('---\nid: a\nid: b\n---\n')).toBe('line 3: "id" is given twice');
    expect(reason('---\ncauses:\n---\n')).toBe('line 2: a key with no value needs an indented block below it (or write [] for an empty list)');
  });

  it('refuses YAML it would otherwise misread: flow lists, anchors, block scalars, trailing comments, stray indents', () => {
    expect(reason('---\ncauses: [a, b]\n---\n')).toBe('line 2: a value may not start with "["; put it in double quotes');
    expect(reason('---\ntitle: &anchor x\n---\n')).toBe('line 2: a value may not start with "&"; put it in double quotes');
    expect(reason('---\nharm: |\n  text\n---\n')).toBe('line 2: a value may not start with "|"; put it in double quotes');
    expect(reason('---\nharm: bad # not a comment\n---\n')).toMatch(/^line 2: a value may not hold " #"/);
    expect(reason('---\nid: a\n  extra: b\n---\n')).toBe('line 3: unexpected indentation');
    expect(reason('---\ncauses:\n  - a\n  b: c\n---\n')).toBe('line 4: expected a list item "- …"');
    expect(reason('---\nTitle: x\n---\n')).toBe('line 2: expected "key: value" (keys are lower-case words joined by hyphens)');
  });
});
