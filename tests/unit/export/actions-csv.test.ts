import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ACTIONS_CSV_COLUMNS, buildActionsCsv, buildActionsCsvText } from '../../../shared/export/actions-csv';
import { csvField, neutraliseFormula } from '../../../shared/export/csv-encoding';
import { DRAFT_LABEL } from '../../../shared/export/export-context';
import { isLive, type SharingScope } from '../../../shared/plan/plan-snapshot';
import { agreedContext, draftContext, JILL_PLAN_ID } from './export-contexts';
import { exampleJillPlan } from './fixtures/example-jill';
import { jillPlan } from './fixtures/jill-plan';
import { expectGolden } from './golden-file';

/** A small RFC 4180 reader, to check the file reads back as the table we meant. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

describe("actions CSV of Jill's plan", () => {
  it('matches the golden file', () => {
    expectGolden('jill-actions.csv', buildActionsCsv(exampleJillPlan(), agreedContext));
  });

  it('starts with a UTF-8 byte order mark and uses CRLF line endings only', () => {
    const bytes = buildActionsCsv(exampleJillPlan(), agreedContext);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = Buffer.from(bytes).toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one row per live action, every row naming the version', () => {
    const plan = exampleJillPlan();
    const rows = parseCsv(buildActionsCsvText(plan, agreedContext));
    expect(rows[0]).toEqual([...ACTIONS_CSV_COLUMNS]);
    const body = rows.slice(1);
    expect(body).toHaveLength(plan.actions.filter(isLive).length);
    for (const row of body) {
      expect(row).toHaveLength(ACTIONS_CSV_COLUMNS.length);
      expect(row.at(-1)).toBe('Agreed version 1 (2026-11-23)');
    }
    expect(body.map((row) => row[ACTIONS_CSV_COLUMNS.indexOf('Who')])).toContain('Priya Nair');
  });

  it('says DRAFT — not agreed on every row of a draft', () => {
    const rows = parseCsv(buildActionsCsvText(jillPlan(), draftContext)).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.at(-1)).toBe(DRAFT_LABEL);
  });

  it('reads back with an independent parser (papaparse) with whose plan it is on every row', () => {
    const plan = exampleJillPlan();
    const text = Buffer.from(buildActionsCsv(plan, agreedContext)).toString('utf8');
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...ACTIONS_CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(plan.actions.filter(isLive).length);
    expect(plan.person.nhsNumber.trim()).not.toBe('');
    for (const row of parsed.data) {
      expect(row['Person']).toBe('Jill Marsh');
      expect(row['NHS number']).toBe(plan.person.nhsNumber.trim());
      expect(row['Plan']).toBe(JILL_PLAN_ID);
      expect(row['Plan version']).toBe('Agreed version 1 (2026-11-23)');
      expect(row['Action']).not.toBe('');
    }
  });

  it('keeps the name and NHS number for a recipient whose sharing scope leaves out the person section', () => {
    const plan = jillPlan();
    const scope: SharingScope = { id: 'scope-1', who: 'Leeds Community Equipment Service', description: 'Actions only', sections: ['actions'], itemIds: [], createdAt: '2026-11-23T10:00:00Z', createdBy: 'Priya Nair', removedAt: null, removedBy: null };
    plan.consent = { ...plan.consent, sharingScopes: [scope] };
    const context = { ...agreedContext, recipient: 'Leeds Community Equipment Service' };
    const parsed = Papa.parse<Record<string, string>>(buildActionsCsvText(plan, context), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBeGreaterThan(0);
    for (const row of parsed.data) {
      expect(row['Person']).toBe('Jill Marsh');
      expect(row['NHS number']).toBe(plan.person.nhsNumber.trim());
    }
  });

  it('leaves removed actions out', () => {
    const plan = jillPlan();
    plan.actions[0] = { ...plan.actions[0]!, removedAt: '2026-11-24T09:00:00Z', removedBy: 'Tom Reid' };
    expect(buildActionsCsvText(plan, agreedContext)).not.toContain(plan.actions[0]!.what);
  });
});

describe('CSV cells', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tstarts with a tab', "'\tstarts with a tab"],
    ['\rstarts with CR', "'\rstarts with CR"],
    ['Plain text', 'Plain text'],
    ['2026-12-07', '2026-12-07'],
  ])('neutralises a formula: %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('neutralises formulas typed into any column of a real export', () => {
    const plan = jillPlan();
    plan.actions[0] = { ...plan.actions[0]!, what: '=HYPERLINK("http://evil.example","click")' };
    plan.professionalContacts[3] = { ...plan.professionalContacts[3]!, name: '@SUM(1+1)', role: '-2+3' };
    plan.goals[1] = { ...plan.goals[1]!, words: '+cmd|calc' };
    const rows = parseCsv(buildActionsCsvText(plan, agreedContext));
    const cells = rows.flat();
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(cells).toContain("'@SUM(1+1)");
    expect(cells).toContain("'-2+3");
    expect(cells).toContain("'+cmd|calc");
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
    const plan = jillPlan();
    plan.actions[0] = { ...plan.actions[0]!, what: 'Rails, "perching" stool\nand a bath board' };
    const rows = parseCsv(buildActionsCsvText(plan, agreedContext));
    expect(rows[1]?.[ACTIONS_CSV_COLUMNS.indexOf('Action')]).toBe('Rails, "perching" stool\nand a bath board');
  });
});
