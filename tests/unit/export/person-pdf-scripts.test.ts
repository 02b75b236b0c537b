import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdfModel } from '../../../shared/export/pdf-model';
import { renderPdf } from '../../../main/export/render-pdf';
import { UndrawableTextError } from '../../../main/export/pdf-text/undrawable-text-error';
import { agreedContext } from './export-contexts';
import { EMOJI_GOAL, mixedScriptNames, mixedScriptPlan, URDU_STRENGTH } from './fixtures/mixed-script-plan';
import { jillPlan } from './fixtures/jill-plan';

/**
 * Names in every script a UK care plan meets, read back with Debian's poppler-utils (an
 * independent PDF reader): pdftotext for the text, pdffonts for the fonts, pdfinfo for the
 * tagging and the structure tree.
 */
const dir = mkdtempSync(join(tmpdir(), 'carehouse-pdf-scripts-'));
let path: string;

beforeAll(async () => {
  path = join(dir, 'mixed.pdf');
  writeFileSync(path, await renderPdf(buildPdfModel(mixedScriptPlan(), agreedContext)));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * All text, with poppler's bidi embedding marks (U+202A..U+202E, which it wraps round
 * right-to-left runs) taken out: what is left is the characters in the order read.
 */
function pdfText(file: string, ...flags: string[]): string {
  return execFileSync('pdftotext', [...flags, file, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '');
}

describe('a plan with names in many scripts, as a PDF', () => {
  it('pdftotext recovers every name exactly, in logical order, with no "?" or missing-glyph mark', () => {
    const text = pdfText(path);
    for (const [script, name] of Object.entries(mixedScriptNames)) expect(text, script).toContain(name);
    // Latin, Greek and Cyrillic names also read in the running sentence around them.
    for (const script of ['polish', 'welsh', 'greek', 'turkish', 'vietnamese', 'cyrillic'] as const) {
      expect(text.replace(/\s+/g, ' ')).toContain(`Weekly phone call with ${mixedScriptNames[script]}`);
    }
    // Right-to-left names in a left-to-right sentence.
    for (const script of ['arabic', 'urdu'] as const) expect(text).toContain(`Weekly phone call with ${mixedScriptNames[script]}`);
    expect(text).not.toContain('?');
    expect(text).not.toContain('\ufffd');
  });

  it('draws Arabic and Urdu right to left: the first word read is the rightmost', () => {
    const bbox = pdfText(path, '-bbox');
    for (const script of ['arabic', 'urdu'] as const) {
      const words = mixedScriptNames[script].split(' ');
      // -bbox lists each word's characters in the order drawn, left to right.
      const xOf = (word: string): number => {
        const drawn = [...word].reverse().join('');
        const match = new RegExp(`<word xMin="([\\d.]+)"[^>]*>${drawn}</word>`).exec(bbox);
        expect(match, `${word} is a word on the page`).not.toBeNull();
        return Number(match![1]);
      };
      const positions = words.map(xOf);
      for (let index = 1; index < positions.length; index++) expect(positions[index]!).toBeLessThan(positions[index - 1]!);
    }
  });

  it('sets a sentence written wholly in Urdu right to left against the right margin, and reads it back in order', () => {
    expect(pdfText(path)).toContain(URDU_STRENGTH);
    const bbox = pdfText(path, '-bbox');
    const lastWord = [...URDU_STRENGTH.split(' ').at(-1)!].reverse().join('');
    const match = new RegExp(`<word xMin="([\\d.]+)" yMin="[\\d.]+" xMax="([\\d.]+)"[^>]*>${[...URDU_STRENGTH.split(' ')[0]!].reverse().join('')}</word>`).exec(bbox);
    expect(match, 'first word of the sentence').not.toBeNull();
    // The first word read is at the right margin (595.28 - 56), not the left (56).
    expect(Number(match![2])).toBeGreaterThan(595.28 - 56 - 2);
    expect(lastWord.length).toBeGreaterThan(0);
  });

  it('keeps a contact\'s English relationship after an Arabic name, the line starting at the left of its column', () => {
    // Read from the word boxes: poppler's plain text of such a mixed line moves the bracket
    // (its own heuristic), but where each word is drawn is what a reader sees.
    const words = [...pdfText(path, '-bbox').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((match) => ({
      left: Number(match[1]),
      top: Number(match[2]),
      right: Number(match[3]),
      text: match[4]!,
    }));
    const relationship = words.find((word) => word.text === '(Daughter)');
    expect(relationship).toBeDefined();
    const sameLine = words.filter((word) => Math.abs(word.top - relationship!.top) < 8);
    const [given, family] = mixedScriptNames.arabic.split(' ') as [string, string];
    const visual = (word: string): string => [...word].reverse().join('');
    const first = sameLine.find((word) => word.text === visual(given))!;
    const last = sameLine.find((word) => word.text === visual(family))!;
    expect(first && last).toBeTruthy();
    const valueColumn = 56 + (595.28 - 112) * 0.38;
    expect(Math.abs(last.left - valueColumn)).toBeLessThan(1);
    expect(first.left).toBeGreaterThan(last.right);
    expect(relationship!.left).toBeGreaterThan(first.right);
  });

  it('writes an emoji no font can draw as its name, keeping the emoji itself as the text behind it', () => {
    // What is drawn is the name ([sunflower]; see text-runs.test.ts); what is read, copied or
    // spoken is the emoji itself, from the span's ActualText.
    const text = pdfText(path);
    expect(EMOJI_GOAL).toContain('🌻');
    expect(text).toContain('🌻');
    expect(text).toContain('☕');
    expect(text.replace(/\s+/g, ' ')).toContain('Visit Dad');
    expect(text).toContain('every Sunday');
  });

  it('pdffonts lists only embedded, subset fonts with Unicode maps, one per script used', () => {
    const report = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(report.length).toBeGreaterThanOrEqual(7);
    for (const row of report) {
      const columns = row.trim().split(/\s+/);
      expect(columns[0], row).toMatch(/^[A-Z]{6}\+Noto/);
      // name, type (two words), encoding, then emb, sub, uni.
      expect(columns.slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']);
    }
    const names = report.map((row) => row.trim().split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    for (const family of ['NotoSans-', 'NotoSansArabic-', 'NotoSansBengali-', 'NotoSansGurmukhi-', 'NotoSansGujarati-', 'NotoSansDevanagari-']) {
      expect(names.some((name) => name.startsWith(family)), family).toBe(true);
    }
  });

  it('embeds only what an English plan needs: no Arabic or Indic fonts in Jill\'s PDF', async () => {
    const english = join(dir, 'english.pdf');
    writeFileSync(english, await renderPdf(buildPdfModel(jillPlan(), agreedContext)));
    const report = execFileSync('pdffonts', [english], { encoding: 'utf8' });
    expect(report).toContain('NotoSans-Regular');
    expect(report).not.toMatch(/Arabic|Bengali|Gurmukhi|Gujarati|Devanagari/);
  });
});

describe('a character no embedded font can draw', () => {
  it('is reported with what and where before anything is written, never drawn as "?"', async () => {
    const plan = jillPlan();
    // Tibetan and Ethiopic: scripts with no font in resources/fonts.
    plan.goals[1] = { ...plan.goals[1]!, words: 'Walk to the gompa ཀ with ሀ' };
    const attempt = renderPdf(buildPdfModel(plan, agreedContext));
    await expect(attempt).rejects.toBeInstanceOf(UndrawableTextError);
    const error = (await attempt.catch((caught: unknown) => caught)) as UndrawableTextError;
    expect(error.problems.map((problem) => problem.codePoint)).toEqual(['U+0F40', 'U+1200']);
    expect(error.problems[0]!.where).toBe('My goals › 2. Walk to the gompa ཀ with ሀ');
    expect(error.message).toMatch(/cannot draw "ཀ" \(U\+0F40\) in My goals › 2\. Walk to the gompa/);
    expect(error.message).toContain('Nothing was written');
    // Positive control: the same plan with the goal in letters the fonts have is drawn.
    plan.goals[1] = { ...plan.goals[1]!, words: 'Walk to the gompa with Tenzin' };
    const bytes = await renderPdf(buildPdfModel(plan, agreedContext));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});

describe('the tagged PDF', () => {
  it('pdfinfo reports it tagged, with a language and the title shown', () => {
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Care and support plan — Ezekiel Oduya$/m);
    const raw = readFileSync(path).toString('latin1');
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
  });

  it('has a structure tree of sections with headings, tables of header and data cells, lists and a described figure, in reading order', () => {
    const tree = execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8' });
    const lines = tree.split('\n');
    expect(lines[0]).toBe('Document');
    const indexOf = (pattern: RegExp): number => lines.findIndex((line) => pattern.test(line));
    // Headings in the order the document reads.
    const order = ['"My care and support plan"', '"My House of Care"', '"What matters to me"', '"My goals"', '"Who is doing what"', '"My contacts"', '"Services and support"', `"If I'm unwell`].map((text) =>
      indexOf(new RegExp(text.replace(/[()]/g, '\\$&'))),
    );
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(lines[order[0]! - 1]).toMatch(/^\s+H1\b/);
    expect(lines[order[1]! - 1]).toMatch(/^\s+H2\b/);
    // Key/value rows are table rows: a header cell (scope Row) and a data cell.
    const nhs = indexOf(/"NHS number"/);
    expect(lines.slice(nhs - 4, nhs).join('\n')).toMatch(/TR\n\s+TH:?\n\s+\/Scope \/Row/);
    expect(lines[nhs + 1]).toMatch(/^\s+TD\b/);
    expect(lines[nhs + 2]).toContain('999 526 0182');
    expect(tree).toMatch(/^\s+Table\b/m);
    // Lists: list, item, label and body.
    expect(tree).toMatch(/^\s+L\b.*\n\s+LI\b.*\n\s+Lbl\b.*\n\s+"•"\n\s+LBody\b.*\n/m);
    expect(tree).toMatch(/^\s+Figure\b/m);
    // The running header and footer are artifacts, outside the structure.
    expect(tree).not.toMatch(/page \d+ of \d+/);
    // The figure's alternative text, straight from the structure element.
    const raw = readFileSync(path).toString('latin1');
    expect(raw).toMatch(/\/S \/Figure[^>]*\/Alt \(The House of Care picture: Roof, \d+% filled in/);
  });
});
