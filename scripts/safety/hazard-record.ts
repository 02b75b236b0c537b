// One hazard of the clinical safety case: the shape of a docs/safety/hazards/HAZ-NNN.md
// front matter, checked with zod so every mistake names the field it is in.
import { z } from 'zod';
import { parseFrontMatter } from './front-matter';
import { likelihoods, riskLevel, severities, type RiskLevel } from './risk-matrix';

const text = z.string().trim().min(1, { message: 'must not be empty' });
const textList = z.array(text);

const riskAssessment = z
  .object({
    likelihood: z.enum(likelihoods, { message: `likelihood must be one of ${likelihoods.join(', ')}` }),
    severity: z.enum(severities, { message: `severity must be one of ${severities.join(', ')}` }),
    risk: z.string().regex(/^[1-5]$/, { message: 'risk must be a level from 1 to 5' }).transform((value) => Number(value) as RiskLevel),
  })
  .strict()
  .superRefine((value, context) => {
    const expected = riskLevel(value.likelihood, value.severity);
    if (value.risk !== expected) context.addIssue({ code: 'custom', path: ['risk'], message: `${value.likelihood} × ${value.severity} is risk ${expected} in the matrix, not ${value.risk}` });
  });

const evidenceItem = z
  .object({
    control: z.string().regex(/^D[1-9][0-9]*$/, { message: 'control must name a design control: D1, D2, …' }),
    file: z
      .string()
      .regex(/^tests\/[A-Za-z0-9_./-]+\.(test|spec)\.ts$/, { message: 'file must be a test file under tests/, ending .test.ts or .spec.ts' })
      .refine((path) => !path.split('/').includes('..'), { message: 'file must not leave tests/ with ..' }),
    test: text,
  })
  .strict();

export const hazardStatuses = ['open', 'transferred', 'closed'] as const;

const hazardSchema = z
  .object({
    id: z.string().regex(/^HAZ-[0-9]{3}$/, { message: 'id must look like HAZ-001' }),
    title: text,
    causes: textList.min(1, { message: 'name at least one cause' }),
    effect: text,
    harm: text,
    initial: riskAssessment,
    controls: z
      .object({
        design: textList,
        test: textList,
        training: textList,
        'business-process': textList,
      })
      .strict(),
    residual: riskAssessment,
    status: z.enum(hazardStatuses, { message: `status must be one of ${hazardStatuses.join(', ')}` }),
    evidence: z.array(evidenceItem),
  })
  .strict()
  .superRefine((hazard, context) => {
    hazard.evidence.forEach((item, index) => {
      const number = Number(item.control.slice(1));
      if (number > hazard.controls.design.length) context.addIssue({ code: 'custom', path: ['evidence', index, 'control'], message: `${item.control} is not one of the ${hazard.controls.design.length} design controls` });
    });
    if (hazard.residual.risk > hazard.initial.risk) context.addIssue({ code: 'custom', path: ['residual', 'risk'], message: 'residual risk cannot be higher than the initial risk' });
  });

export type Hazard = z.infer<typeof hazardSchema>;
export type EvidenceItem = Hazard['evidence'][number];

export interface HazardFile {
  hazard: Hazard;
  /** The Markdown after the front matter: context, notes, links to issues. */
  body: string;
}

export class HazardFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HazardFormatError';
  }
}

/** Reads one hazard file's text; throws HazardFormatError with every problem in plain words. */
export function parseHazard(source: string): HazardFile {
  let document;
  try {
    document = parseFrontMatter(source);
  } catch (error) {
    throw new HazardFormatError(error instanceof Error ? error.message : String(error));
  }
  const result = hazardSchema.safeParse(document.data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(front matter)'}: ${issue.message}`);
    throw new HazardFormatError(problems.join('; '));
  }
  return { hazard: result.data, body: document.body };
}

/** The design controls that at least one evidence item points at. */
export function evidencedDesignControls(hazard: Hazard): Set<string> {
  return new Set(hazard.evidence.map((item) => item.control));
}
