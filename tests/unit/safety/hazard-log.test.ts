import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHazardLog, readHazardLog, repositoryLocations, type SafetyCaseLocations } from '../../../scripts/safety/check-hazard-log';
import { renderSafetyCase } from '../../../scripts/safety/safety-case-report';

const repositoryRoot = join(__dirname, '..', '..', '..');

describe('the clinical safety case in docs/safety', () => {
  it('every hazard parses, every evidence test exists, closed hazards rest on evidence, and the report is up to date', () => {
    expect(checkHazardLog(repositoryLocations(repositoryRoot))).toEqual([]);
  });

  it('holds at least twenty hazards', () => {
    expect(readHazardLog(repositoryLocations(repositoryRoot)).hazards.length).toBeGreaterThanOrEqual(20);
  });
});

// A throwaway repository: one test file and one hazard, so the checker can be shown failing.
const temporaryFolders: string[] = [];
afterEach(() => {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const EVIDENCE_TEST = `import { describe, it } from 'vitest';
describe('the NHS number', () => {
  it('rejects a wrong check digit', () => {});
  it.skip('is skipped for now', () => {});
});
`;

function hazardText(overrides: { status?: string; residualLikelihood?: string; residualRisk?: string; evidence?: string } = {}): string {
  const evidence =
    overrides.evidence ??
    `evidence:
  - control: D1
    file: tests/unit/nhs.test.ts
    test: the NHS number > rejects a wrong check digit`;
  return `---
id: HAZ-001
title: An invalid NHS number is recorded
causes:
  - A digit mistyped
effect: The number matches nobody
harm: The plan is filed against the wrong record
initial:
  likelihood: medium
  severity: considerable
  risk: 3
controls:
  design:
    - The check digit is verified
  test:
    - A unit test
  training: []
  business-process: []
residual:
  likelihood: ${overrides.residualLikelihood ?? 'very-low'}
  severity: considerable
  risk: ${overrides.residualRisk ?? '2'}
status: ${overrides.status ?? 'closed'}
${evidence}
---

Notes.
`;
}

function temporaryRepository(hazard: string, testFile: string | null = EVIDENCE_TEST): SafetyCaseLocations {
  const root = mkdtempSync(join(tmpdir(), 'carehouse-safety-'));
  temporaryFolders.push(root);
  const locations: SafetyCaseLocations = { root, hazardsDir: 'docs/safety/hazards', reportFile: 'docs/safety/safety-case.md' };
  mkdirSync(join(root, locations.hazardsDir), { recursive: true });
  mkdirSync(join(root, 'tests', 'unit'), { recursive: true });
  if (testFile !== null) writeFileSync(join(root, 'tests', 'unit', 'nhs.test.ts'), testFile);
  writeFileSync(join(root, locations.hazardsDir, 'HAZ-001.md'), hazard);
  return locations;
}

function writeReport(locations: SafetyCaseLocations): void {
  writeFileSync(join(locations.root, locations.reportFile), renderSafetyCase(readHazardLog(locations).hazards));
}

describe('the hazard log check', () => {
  it('passes a hazard whose evidence test exists (the control), and fails the same hazard once that test is gone', () => {
    const locations = temporaryRepository(hazardText());
    writeReport(locations);
    expect(checkHazardLog(locations)).toEqual([]);

    writeFileSync(join(locations.root, 'tests', 'unit', 'nhs.test.ts'), EVIDENCE_TEST.replace("it('rejects a wrong check digit'", "it('accepts a valid number'"));
    expect(checkHazardLog(locations)).toEqual([
      { file: 'docs/safety/hazards/HAZ-001.md', message: 'D1: no test "the NHS number > rejects a wrong check digit" in tests/unit/nhs.test.ts' },
    ]);
  });

  it('fails when the evidence file is missing, or the named test is skipped', () => {
    const missing = temporaryRepository(hazardText(), null);
    expect(checkHazardLog(missing).map((problem) => problem.message)).toContain('D1: evidence file tests/unit/nhs.test.ts does not exist');

    const skipped = temporaryRepository(hazardText().replace('> rejects a wrong check digit', '> is skipped for now'));
    expect(checkHazardLog(skipped).map((problem) => problem.message)).toContain(
      'D1: the test "the NHS number > is skipped for now" in tests/unit/nhs.test.ts is skipped, so it proves nothing',
    );
  });

  it('needs the suite title too: a right test title under the wrong describe is not evidence', () => {
    const locations = temporaryRepository(hazardText().replace('the NHS number > ', 'NHS numbers > '));
    expect(checkHazardLog(locations).map((problem) => problem.message)).toEqual(['D1: no test "NHS numbers > rejects a wrong check digit" in tests/unit/nhs.test.ts']);
  });

  it('refuses a closed hazard with no evidenced design control, or with an undesirable residual risk; an open one may wait', () => {
    const noEvidence = temporaryRepository(hazardText({ evidence: 'evidence: []' }));
    expect(checkHazardLog(noEvidence).map((problem) => problem.message)).toEqual(['a closed hazard needs at least one design control with evidence']);

    const highRisk = temporaryRepository(hazardText({ residualLikelihood: 'medium', residualRisk: '3' }));
    expect(checkHazardLog(highRisk).map((problem) => problem.message)).toEqual(['a closed hazard needs a residual risk of 2 or less (it is 3)']);

    const open = temporaryRepository(hazardText({ status: 'open', evidence: 'evidence: []', residualLikelihood: 'medium', residualRisk: '3' }));
    writeReport(open);
    expect(checkHazardLog(open)).toEqual([]);
  });

  it('fails when the report is missing or differs from what the hazard files say', () => {
    const locations = temporaryRepository(hazardText());
    expect(checkHazardLog(locations).map((problem) => problem.message)).toEqual(['the report is missing: run npm run safety-case']);

    writeReport(locations);
    const reportPath = join(locations.root, locations.reportFile);
    writeFileSync(reportPath, readFileSync(reportPath, 'utf8').replace('| closed |', '| open |'));
    expect(checkHazardLog(locations).map((problem) => problem.message)).toEqual(['the report is out of date with the hazard files: run npm run safety-case']);
  });

  it('names the file and the reason for a hazard that does not parse, and a risk the matrix does not give', () => {
    const broken = temporaryRepository(hazardText().replace('  - A digit mistyped', '\t- A digit mistyped'));
    expect(checkHazardLog(broken)).toEqual([{ file: 'docs/safety/hazards/HAZ-001.md', message: 'line 5: tabs are not allowed; indent with two spaces' }]);

    const wrongRisk = temporaryRepository(hazardText({ residualRisk: '1' }));
    expect(checkHazardLog(wrongRisk).map((problem) => problem.message)).toEqual(['residual.risk: very-low × considerable is risk 2 in the matrix, not 1']);

    const wrongControl = temporaryRepository(hazardText().replace('control: D1', 'control: D2'));
    expect(checkHazardLog(wrongControl).map((problem) => problem.message)).toEqual(['evidence.0.control: D2 is not one of the 1 design controls']);
  });
});
