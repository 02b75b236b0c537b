// The check behind the clinical safety case: every hazard file parses, every piece of
// evidence points at a test that exists (and is not skipped), a closed hazard rests on at
// least one evidenced design control, and the generated report matches the hazard files.
// Used by the test suite (tests/unit/safety) and by the report generator.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evidencedDesignControls, HazardFormatError, parseHazard, type HazardFile } from './hazard-record';
import { HIGHEST_CLOSABLE_RISK } from './risk-matrix';
import { renderSafetyCase, REPORT_COMMAND } from './safety-case-report';
import { testTitles, type TestTitle } from './test-titles';

export interface SafetyCaseLocations {
  /** The repository root: evidence paths are relative to it. */
  root: string;
  /** The folder of HAZ-NNN.md files, relative to root. */
  hazardsDir: string;
  /** The generated report, relative to root. */
  reportFile: string;
}

export const repositoryLocations = (root: string): SafetyCaseLocations => ({
  root,
  hazardsDir: 'docs/safety/hazards',
  reportFile: 'docs/safety/safety-case.md',
});

export interface HazardLogProblem {
  /** Repository-relative file the problem is in. */
  file: string;
  message: string;
}

export interface HazardLogReading {
  hazards: HazardFile[];
  problems: HazardLogProblem[];
}

const HAZARD_FILE = /^HAZ-[0-9]{3}\.md$/;

/** Reads and parses every hazard file; a file that does not parse is a problem, not a crash. */
export function readHazardLog(locations: SafetyCaseLocations): HazardLogReading {
  const folder = join(locations.root, locations.hazardsDir);
  const hazards: HazardFile[] = [];
  const problems: HazardLogProblem[] = [];
  if (!existsSync(folder)) return { hazards, problems: [{ file: locations.hazardsDir, message: 'the hazards folder does not exist' }] };
  for (const name of readdirSync(folder).sort()) {
    const file = `${locations.hazardsDir}/${name}`;
    if (!HAZARD_FILE.test(name)) {
      problems.push({ file, message: 'only hazard files named HAZ-NNN.md belong in the hazards folder' });
      continue;
    }
    try {
      const parsed = parseHazard(readFileSync(join(folder, name), 'utf8'));
      if (`${parsed.hazard.id}.md` !== name) problems.push({ file, message: `id ${parsed.hazard.id} does not match the file name` });
      hazards.push(parsed);
    } catch (error) {
      if (!(error instanceof HazardFormatError)) throw error;
      problems.push({ file, message: error.message });
    }
  }
  return { hazards, problems };
}

/** Problems with the evidence and status of parsed hazards (files are read from disk). */
export function checkEvidence(locations: SafetyCaseLocations, hazards: readonly HazardFile[]): HazardLogProblem[] {
  const problems: HazardLogProblem[] = [];
  const titlesByFile = new Map<string, TestTitle[] | undefined>();
  const titlesOf = (file: string): TestTitle[] | undefined => {
    if (!titlesByFile.has(file)) {
      const full = join(locations.root, file);
      titlesByFile.set(file, existsSync(full) ? testTitles(file, readFileSync(full, 'utf8')) : undefined);
    }
    return titlesByFile.get(file);
  };
  for (const { hazard } of hazards) {
    const file = `${locations.hazardsDir}/${hazard.id}.md`;
    for (const item of hazard.evidence) {
      const titles = titlesOf(item.file);
      if (!titles) {
        problems.push({ file, message: `${item.control}: evidence file ${item.file} does not exist` });
        continue;
      }
      const found = titles.filter((title) => title.path === item.test);
      if (found.length === 0) problems.push({ file, message: `${item.control}: no test "${item.test}" in ${item.file}` });
      else if (found.every((title) => title.skipped)) problems.push({ file, message: `${item.control}: the test "${item.test}" in ${item.file} is skipped, so it proves nothing` });
    }
    if (hazard.status === 'closed') {
      if (evidencedDesignControls(hazard).size === 0) problems.push({ file, message: 'a closed hazard needs at least one design control with evidence' });
      if (hazard.residual.risk > HIGHEST_CLOSABLE_RISK) problems.push({ file, message: `a closed hazard needs a residual risk of ${HIGHEST_CLOSABLE_RISK} or less (it is ${hazard.residual.risk})` });
    }
  }
  return problems;
}

/** The whole check: parse, evidence, status and whether the committed report is current. */
export function checkHazardLog(locations: SafetyCaseLocations): HazardLogProblem[] {
  const { hazards, problems } = readHazardLog(locations);
  problems.push(...checkEvidence(locations, hazards));
  if (problems.length > 0) return problems;
  const reportPath = join(locations.root, locations.reportFile);
  const expected = renderSafetyCase(hazards);
  if (!existsSync(reportPath)) problems.push({ file: locations.reportFile, message: `the report is missing: run ${REPORT_COMMAND}` });
  else if (readFileSync(reportPath, 'utf8') !== expected) problems.push({ file: locations.reportFile, message: `the report is out of date with the hazard files: run ${REPORT_COMMAND}` });
  return problems;
}
