// Entry point of `npm run safety-case`: checks the hazard log and writes
// docs/safety/safety-case.md. It writes nothing while any hazard has a problem, so the
// report only ever shows a log whose evidence was found. `--check` only reports whether
// the committed report is current (exit 1 if not).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkEvidence, checkHazardLog, readHazardLog, repositoryLocations } from './check-hazard-log';
import { renderSafetyCase } from './safety-case-report';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--check');
if (unknown.length > 0) {
  process.stderr.write(`Unknown argument ${unknown[0] ?? ''}. Usage: npm run safety-case [-- --check]\n`);
  process.exit(2);
}
const locations = repositoryLocations(process.cwd());

if (args.includes('--check')) {
  const problems = checkHazardLog(locations);
  for (const problem of problems) process.stderr.write(`${problem.file}: ${problem.message}\n`);
  process.stdout.write(problems.length === 0 ? 'The safety case is up to date.\n' : '');
  process.exit(problems.length === 0 ? 0 : 1);
}

const { hazards, problems } = readHazardLog(locations);
problems.push(...checkEvidence(locations, hazards));
if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`${problem.file}: ${problem.message}\n`);
  process.stderr.write(`${problems.length} problem(s); ${locations.reportFile} was not written.\n`);
  process.exit(1);
}
writeFileSync(join(locations.root, locations.reportFile), renderSafetyCase(hazards));
process.stdout.write(`Wrote ${locations.reportFile} (${hazards.length} hazards).\n`);
